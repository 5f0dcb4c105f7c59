using System.Diagnostics.Metrics;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Client;

/// <summary>Health snapshots and metrics, in virtual time.</summary>
public sealed class UpbitClientHealthTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void GetHealth_FrameOfAKeyNobodyAskedFor_CountedAsUnroutedAndNotDelivered()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var tickers = new List<Ticker>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(tickers.Add);
        scheduler.AdvanceBy(3 * Second);
        var before = client.GetHealth().UnroutedMessages;
        var stray = FrameEncoder.EncodeUtf8(tickers[0] with { Code = "KRW-ETH", Timestamp = tickers[0].Timestamp + 1 }, WireFormat.Default);

        exchange.PushFrame(exchange.Connections[0].Id, stray);
        scheduler.AdvanceBy(Second);

        Assert.That(before, Is.EqualTo(0L), "the fake exchange sends only what the union asks for");
        Assert.That(client.GetHealth().UnroutedMessages, Is.EqualTo(1L));
        Assert.That(tickers.Select(t => t.Code).Distinct(), Is.EqualTo(new[] { "KRW-BTC" }));
    }

    [Test]
    public void GetHealth_LiveTradesThroughTheBackfill_EachCountedOnce()
    {
        // NB: with BackfillTrades on (the default) every live trade passes through the backfill on its way to the router.
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var trades = 0;
        using var sub = client.Trade("KRW-BTC").Subscribe(_ => trades++);

        scheduler.AdvanceBy(10 * Second);
        var health = client.GetHealth();

        Assert.That(trades, Is.GreaterThan(3));
        Assert.That(health.MessagesReceived, Is.EqualTo(trades + health.DuplicatesDropped + health.UnroutedMessages));
    }

    [Test]
    public void GetHealth_AfterTrafficDropAndFaults_CountsEachKind()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { RandomSeed = 1 });
        var received = 0;
        using var ok = client.Ticker("KRW-BTC").Subscribe(_ => received++);
        using var bad = client.Trade("KRW-BTC").Subscribe(_ => throw new InvalidOperationException("bug"));
        scheduler.AdvanceBy(3 * Second);

        exchange.PushMalformedFrame(exchange.Connections[0].Id);
        scheduler.AdvanceBy(Second);
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(10 * Second);
        var health = client.GetHealth();

        Assert.That(health.Reconnects, Is.EqualTo(1));
        Assert.That(health.DecodeErrors, Is.EqualTo(1));
        Assert.That(health.SubscriberErrors, Is.EqualTo(1));
        Assert.That(health.RequestsSent, Is.EqualTo(3), "the first union, the union without the detached thrower, the union after reconnect");
        Assert.That(health.MessagesReceived, Is.GreaterThanOrEqualTo(received));
        Assert.That(health.FramesReceived, Is.GreaterThan(health.DecodeErrors));
        Assert.That(health.BytesReceived, Is.GreaterThan(health.FramesReceived * 50));
        Assert.That(health.Connections["public"].Status, Is.EqualTo(ConnectionStatus.Connected));
        Assert.That(health.Uptime["public"], Is.GreaterThan(TimeSpan.Zero).And.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void MessageAge_SilentCode_NullThenStaleCodeGrows()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { IdleTimeout = TimeSpan.FromMinutes(10), ValidateCodes = false });   // KRW-NOPE stays silent
        using var live = client.Ticker("KRW-BTC").Subscribe(_ => { });
        using var silent = client.Ticker("KRW-NOPE").Subscribe(_ => { });
        scheduler.AdvanceBy(3 * Second);
        var fresh = client.GetHealth().MessageAge;

        exchange.Stall(exchange.Connections[0].Id);
        scheduler.AdvanceBy(30 * Second);
        var stale = client.GetHealth().MessageAge;

        Assert.That(fresh["ticker KRW-NOPE"], Is.Null);
        Assert.That(fresh["ticker KRW-BTC"], Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(stale["ticker KRW-BTC"], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(29)));
    }

    [Test]
    public void Health_Interval_SamplesOnTheScheduler()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var samples = new List<UpbitHealth>();

        using var watch = client.Health(TimeSpan.FromSeconds(5)).Subscribe(samples.Add);
        scheduler.AdvanceBy(16 * Second);

        Assert.That(samples.Select(s => s.Time - DateTimeOffset.MinValue), Is.EqualTo(new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15) }));
    }

    [Test]
    public void Meter_ObservableInstruments_ReportTheClientsCounters()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        using var sub = client.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(3 * Second);
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == UpbitClient.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.Start();

        listener.RecordObservableInstruments();

        var health = client.GetHealth();
        Assert.That(seen["upbit.messages.received"], Is.EqualTo(health.MessagesReceived));
        Assert.That(seen["upbit.requests.sent"], Is.EqualTo(1));
        Assert.That(seen["upbit.subscriptions"], Is.EqualTo(1));
    }

    [Test]
    public void Health_ClientDisposed_CompletesLikeStatesAndErrors()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var client = exchange.CreateClient();
        var samples = 0;
        var completed = false;
        using var health = client.Health(TimeSpan.FromSeconds(1)).Subscribe(_ => samples++, () => completed = true);
        scheduler.AdvanceBy(3 * Second);

        client.Dispose();
        scheduler.AdvanceBy(3 * Second);

        Assert.That(samples, Is.EqualTo(3));
        Assert.That(completed, Is.True);
    }

    [Test]
    public void Health_SubscribedAfterDispose_CompletesAtOnce()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var client = exchange.CreateClient();
        client.Dispose();
        var samples = 0;
        var completed = false;

        using var health = client.Health(TimeSpan.FromSeconds(1)).Subscribe(_ => samples++, () => completed = true);
        scheduler.AdvanceBy(3 * Second);

        Assert.That((samples, completed), Is.EqualTo((0, true)));
    }
}
