using System.Reactive.Concurrency;
using System.Text;
using Upbit.Rx.Server;

namespace Upbit.Rx.Testing;

/// <summary>Scripting and fault injection. Every action takes an optional <c>delay</c> of scheduler time (zero: now,
/// and calls without delay take effect in call order) and targets a connection by its <see cref="ConnectionRecord.Id"/>; an action whose connection has
/// closed by then does nothing.</summary>
public sealed partial class FakeUpbitExchange
{
    /// <summary>Sends <paramref name="json"/> as a binary frame of UTF-8, exactly as Upbit frames its messages (e.g. a
    /// recorded capture). It bypasses subscriptions, format and stalls.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No connection has that id.</exception>
    public void PushFrame(int connectionId, string json, TimeSpan delay = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        At(connectionId, delay, s => s.Push(bytes, isText: false));
    }

    /// <summary>Sends raw bytes as one binary frame.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No connection has that id.</exception>
    public void PushFrame(int connectionId, ReadOnlyMemory<byte> payload, TimeSpan delay = default)
    {
        var copy = payload.ToArray();
        At(connectionId, delay, s => s.Push(copy, isText: false));
    }

    /// <summary>Sends <paramref name="text"/> as a text frame (Upbit never does; for testing tolerance).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No connection has that id.</exception>
    public void PushTextFrame(int connectionId, string text, TimeSpan delay = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        At(connectionId, delay, s => s.Push(bytes, isText: true));
    }

    /// <summary>Sends a binary frame that is not valid JSON (a ticker cut off mid-value).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No connection has that id.</exception>
    public void PushMalformedFrame(int connectionId, TimeSpan delay = default) =>
        PushFrame(connectionId, """{"type":"ticker","code":"KRW-BTC","trade_price":1""", delay);

    /// <summary>Sends one valid JSON binary frame of exactly <paramref name="bytes"/> bytes (a status message padded
    /// with an unknown field), to test a client's message size limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No connection has that id, or <paramref name="bytes"/> is below 64.</exception>
    public void PushOversizedFrame(int connectionId, int bytes, TimeSpan delay = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 64);
        const string Head = "{\"status\":\"UP\",\"padding\":\"";
        PushFrame(connectionId, Head + new string('x', bytes - Head.Length - 2) + "\"}", delay);
    }

    /// <summary>Ends the connection without a close frame, as a network failure or Upbit's idle timeout does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No connection has that id.</exception>
    public void Drop(int connectionId, TimeSpan delay = default) => At(connectionId, delay, s => s.Drop());

    /// <summary>Makes the connection go silent: no data, no <c>UP</c>, no replies, no idle timeout; it stays open. Over
    /// a real socket (<see cref="LoopbackUpbitServer"/>) it does not answer the client's close frame either.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No connection has that id.</exception>
    public void Stall(int connectionId, TimeSpan delay = default) => At(connectionId, delay, s => s.Stall());

    /// <summary>Sends <c>{"error":{"name":…,"message":…}}</c>, then closes with 1000 after
    /// <see cref="FakeExchangeOptions.ErrorCloseDelay"/>, as Upbit does.</summary>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No connection has that id.</exception>
    public void SendError(int connectionId, string name, string message, TimeSpan delay = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(message);
        At(connectionId, delay, s => s.Fail(ErrorCatalog.Of(name, message)));
    }

    /// <summary>Delays every later frame of the connection by <paramref name="perFrame"/> (order is kept).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No connection has that id, or the delay is negative.</exception>
    public void SlowDown(int connectionId, TimeSpan perFrame, TimeSpan delay = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perFrame, TimeSpan.Zero);
        At(connectionId, delay, s => s.SlowDown(perFrame));
    }

    /// <summary>Refuses the next <paramref name="count"/> connection attempts with HTTP 429 (in memory: the
    /// <c>WebSocketException</c> a client socket throws for it).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void RefuseNextConnections(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _hub.RefuseNext(count);
    }

    private void At(int connectionId, TimeSpan delay, Action<ExchangeSession> act)
    {
        if (connectionId < 1 || connectionId > _hub.OpenedCount)
        {
            throw new ArgumentOutOfRangeException(nameof(connectionId), connectionId, "No connection has this id.");
        }

        if (delay <= TimeSpan.Zero)
        {
            // NB: acting at once (not via the scheduler) keeps consecutive calls in call order on a concurrent scheduler.
            Act(connectionId, act);
            return;
        }

        _hub.Scheduler.Schedule(delay, () => Act(connectionId, act));
    }

    private void Act(int connectionId, Action<ExchangeSession> act)
    {
        if (_hub.Find(connectionId) is { } session)
        {
            act(session);
        }
    }
}
