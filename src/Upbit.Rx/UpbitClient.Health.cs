using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Upbit.Rx.Connection;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx;

public sealed partial class UpbitClient
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> every client publishes its counters on.</summary>
    public const string MeterName = "Upbit.Rx";

    private readonly Meter _meter;

    // NB: signalled once by Dispose; AsyncSubject replays it to a late subscriber, so a Health subscription made
    // after Dispose completes at once. It calls its observers without holding a lock.
    private readonly AsyncSubject<Unit> _closed = new();

    /// <summary>The feed's health right now: states, uptime, counters and the age of every subscribed stream.</summary>
    public UpbitHealth GetHealth()
    {
        var now = _options.Scheduler.Now;
        var uptime = new Dictionary<string, TimeSpan>();
        foreach (var supervisor in new[] { _public, _private })
        {
            if (supervisor.ConnectedAt is { } since)
            {
                uptime[supervisor.Name] = now - since;
            }
        }

        var ages = new Dictionary<string, TimeSpan?>();
        foreach (var key in _registry.Union)
        {
            ages[Describe(key)] = _router.LastPublished(Router.RouteKeyOf(key)) is { } last ? now - last : null;
        }

        return new UpbitHealth
        {
            Time = now,
            Connections = _signals.Current,
            Uptime = uptime,
            Reconnects = _signals.Reconnects,
            FramesReceived = _signals.Frames,
            BytesReceived = _signals.Bytes,
            MessagesReceived = _signals.Messages,
            DecodeErrors = _signals.Malformed,
            DuplicatesDropped = _router.DuplicatesDropped,
            UnroutedMessages = _router.Unrouted,
            TradesBackfilled = _backfill?.TradesBackfilled ?? 0,
            TradeGaps = _backfill?.Gaps ?? 0,
            SubscriberErrors = _signals.SubscriberFaults,
            ServerErrors = _signals.ServerErrors,
            RequestsSent = _signals.Requests,
            PacerWaits = _public.PacerWaits + _private.PacerWaits,
            MessageAge = ages,
        };
    }

    /// <summary>
    /// <see cref="GetHealth"/> every <paramref name="interval"/> on the client's scheduler, starting after one interval.
    /// Cold; never errors; each subscriber has its own timer. Completes when the client is disposed (at once for a
    /// subscription made after that); samples arrive on the client's scheduler, completion on the disposing thread.
    /// </summary>
    /// <param name="interval">How often to sample.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public IObservable<UpbitHealth> Health(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Observable.Interval(interval, _options.Scheduler).TakeUntil(_closed).Select(_ => GetHealth());
    }

    /// <summary>Completes every <see cref="Health"/> stream; called once by <see cref="Dispose"/>.</summary>
    private void CompleteHealth()
    {
        _closed.OnNext(Unit.Default);
        _closed.OnCompleted();
    }

    private static string Describe(StreamKey key)
    {
        var type = WireKeys.TypeName(key);
        return key.Kind switch
        {
            StreamKind.Orderbook => string.Create(CultureInfo.InvariantCulture, $"{type} {key.Code}.{key.OrderbookUnits} level {key.OrderbookLevel}"),
            StreamKind.MyAsset => type,
            StreamKind.Announcement => key.Code.Length == 0 ? type + " *" : $"{type} {key.Code}",
            StreamKind.MyOrder when key.Code.Length == 0 => type + " *",
            _ => $"{type} {key.Code}",
        };
    }

    private Meter CreateMeter()
    {
        var meter = _options.MeterFactory?.Create(MeterName) ?? new Meter(MeterName);
        meter.CreateObservableCounter("upbit.frames.received", () => _signals.Frames, unit: "{frame}", description: "WebSocket frames received");
        meter.CreateObservableCounter("upbit.bytes.received", () => _signals.Bytes, unit: "By", description: "Bytes received");
        meter.CreateObservableCounter("upbit.messages.received", () => _signals.Messages, unit: "{message}", description: "Data messages decoded and routed");
        meter.CreateObservableCounter("upbit.decode.errors", () => _signals.Malformed, unit: "{frame}", description: "Frames skipped as malformed");
        meter.CreateObservableCounter("upbit.duplicates.dropped", () => _router.DuplicatesDropped, unit: "{message}", description: "Messages dropped as already seen");
        meter.CreateObservableCounter("upbit.messages.unrouted", () => _router.Unrouted, unit: "{message}", description: "Messages dropped because no stream asks for their key");
        meter.CreateObservableCounter("upbit.subscriber.errors", () => _signals.SubscriberFaults, unit: "{subscriber}", description: "Subscribers detached after throwing");
        meter.CreateObservableCounter("upbit.server.errors", () => _signals.ServerErrors, unit: "{frame}", description: "Error frames sent by Upbit");
        meter.CreateObservableCounter("upbit.reconnects", () => _signals.Reconnects, unit: "{reconnect}", description: "Reconnects scheduled after a drop");
        meter.CreateObservableCounter("upbit.requests.sent", () => _signals.Requests, unit: "{request}", description: "Subscription requests sent");
        meter.CreateObservableCounter("upbit.pacer.waits", () => _public.PacerWaits + _private.PacerWaits, unit: "{request}", description: "Requests delayed by rate pacing");
        meter.CreateObservableCounter("upbit.trades.backfilled", () => _backfill?.TradesBackfilled ?? 0, unit: "{trade}", description: "Trades fetched from REST to fill reconnect gaps");
        meter.CreateObservableCounter("upbit.trade.gaps", () => _backfill?.Gaps ?? 0, unit: "{gap}", description: "Trade gaps the backfill could not fill");
        meter.CreateObservableGauge("upbit.subscriptions", () => _registry.Union.Length, unit: "{subscription}", description: "Distinct wire subscriptions held");
        return meter;
    }
}
