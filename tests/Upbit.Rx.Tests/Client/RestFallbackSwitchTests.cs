using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>
/// The switch between socket and REST fallback (issue 11 item 2): candles are not delivered twice in either direction,
/// and a poll still in flight when the socket comes back publishes nothing after it.
/// </summary>
public sealed class RestFallbackSwitchTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void FallbackAfter_CandleUnchangedDuringTheOutage_PolledCandlesEqualToTheSocketsDropped()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            // NB: the market pushes a candle at most once a second (at 0.5, 1.5, … s); it stops on a push, so the socket's
            // last candle is the market's last state.
            Market = new MarketSimulatorOptions { Horizon = TimeSpan.FromSeconds(4.5) },
        });
        using var client = CreateClient(exchange);
        var candles = new List<Candle>();
        using var sub = client.Candle(CandleInterval.OneMinute, "KRW-BTC").Subscribe(candles.Add);
        scheduler.AdvanceBy(6 * Second);
        var count = candles.Count;

        exchange.RefuseNextConnections(1000);
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(30 * Second);

        Assert.That(exchange.RestRequests.Count(r => r.Group == "candles"), Is.GreaterThan(20), "the fallback polled the candle");
        Assert.That(count, Is.GreaterThan(1), "the socket delivered the candle while the market moved");
        Assert.That(candles, Has.Count.EqualTo(count), "the market did not move, so no polled candle is news");
    }

    [Test]
    public void FallbackAfter_SocketBackWithTheCandleRestDelivered_SocketCandleDropped()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = new MarketSimulatorOptions { Horizon = TimeSpan.FromSeconds(20) },
        });
        using var client = CreateClient(exchange);
        var candles = new List<Candle>();
        using var sub = client.Candle(CandleInterval.OneMinute, "KRW-BTC").Subscribe(candles.Add);
        scheduler.AdvanceBy(6 * Second);

        exchange.RefuseNextConnections(4);                 // back 31 s after the drop; the market stopped at 20 s
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(30 * Second);
        var count = candles.Count;
        scheduler.AdvanceBy(30 * Second);

        Assert.That(exchange.Connections, Has.Count.EqualTo(2), "the socket came back");
        Assert.That(exchange.Requests.Where(r => r.ConnectionId == exchange.Connections[1].Id).Select(r => r.Text), Has.Some.Contains("candle.1m"), "and subscribed the candle again");
        Assert.That(candles[^1].StreamType, Is.EqualTo(StreamType.Rest), "the market moved during the outage");
        Assert.That(candles, Has.Count.EqualTo(count), "the socket's snapshot repeats what REST delivered");
    }

    [Test]
    public void FallbackAfter_PollInFlightWhenTheSocketReturns_ItsAnswerIsNotPublished()
    {
        var latency = TimeSpan.FromMilliseconds(1500);
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, RestLatency = latency });
        using var client = CreateClient(exchange);
        var tickers = new List<(long Time, Ticker Value)>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(t => tickers.Add((scheduler.Clock, t)));
        scheduler.AdvanceBy(3 * Second);

        exchange.RefuseNextConnections(4);                 // back 31 s after the drop
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(45 * Second);

        var reopened = exchange.Connections[1].OpenedAt;
        var inFlight = exchange.RestRequests.Where(r => r.Group == "ticker" && r.Ticks < reopened && r.Ticks + latency.Ticks > reopened).ToList();
        Assert.That(inFlight, Is.Not.Empty, "a poll was in flight when the socket came back");
        Assert.That(tickers.Where(t => t.Time < reopened).Select(t => t.Value.StreamType), Does.Contain(StreamType.Rest), "the fallback fed the stream before");
        var after = tickers.Where(t => t.Time >= reopened).Select(t => t.Value.StreamType).ToList();
        Assert.That(after, Has.Count.GreaterThan(10));
        Assert.That(after, Is.All.Not.EqualTo(StreamType.Rest), "nothing polled is published once the socket is back");
    }

    [Test]
    public void FallbackAfter_TestThreadHasASynchronizationContext_PollsArePublishedWhenAnswered()
    {
        var latency = TimeSpan.FromMilliseconds(1500);
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, RestLatency = latency });
        using var client = CreateClient(exchange);
        var tickers = new List<(long Time, Ticker Value)>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(t => tickers.Add((scheduler.Clock, t)));
        scheduler.AdvanceBy(3 * Second);
        exchange.RefuseNextConnections(1000);
        exchange.Drop(exchange.Connections[0].Id);

        // NB: the test thread's context (NUnit's runs posts on another thread) must not be where polls resume: parked,
        // it shows any continuation that captured it instead of resuming on the client's scheduler.
        var previous = SynchronizationContext.Current;
        var parked = new ParkedSynchronizationContext();
        SynchronizationContext.SetSynchronizationContext(parked);
        try
        {
            scheduler.AdvanceBy(20 * Second);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        var answered = exchange.RestRequests.Where(r => r.Group == "ticker").Select(r => r.Ticks + latency.Ticks).ToList();
        var polled = tickers.Where(t => t.Value.StreamType == StreamType.Rest).Select(t => t.Time).ToList();
        Assert.That(polled, Is.Not.Empty, "the fallback published polled tickers");
        // NB: each resumption on the scheduler is a TestScheduler action at now, which runs a tick later.
        Assert.That(polled, Is.All.Matches<long>(t => answered.Any(a => t >= a && t - a < TimeSpan.TicksPerMillisecond)), "each when its answer arrived");
        Assert.That(parked.Posted, Is.EqualTo(0), "nothing resumed on the test thread's context");
    }

    private static UpbitClient CreateClient(FakeUpbitExchange exchange) =>
        exchange.CreateClient(new UpbitClientOptions
        {
            RandomSeed = 1,
            Reconnect = new BackoffOptions { Jitter = BackoffJitter.None },
            HttpClient = exchange.CreateHttpClient(),
            RestEndpoint = FakeUpbitExchange.RestEndpoint,
        });
}
