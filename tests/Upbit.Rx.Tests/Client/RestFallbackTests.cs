using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Client;

/// <summary>Issue 11 item 2: REST polling feeds tickers, order books and candles while the public socket stays down.</summary>
public sealed class RestFallbackTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void FallbackAfter_SocketDownLonger_TickersArriveFromRestMarkedAndStatesSayFallback()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = CreateClient(exchange);
        var states = new List<ConnectionState>();
        using var watch = client.ConnectionStates.Subscribe(states.Add);
        var tickers = new List<(long Time, Ticker Value)>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(t => tickers.Add((scheduler.Clock, t)));
        scheduler.AdvanceBy(3 * Second);

        exchange.RefuseNextConnections(1000);
        exchange.Drop(exchange.Connections[0].Id);
        var droppedAt = scheduler.Clock;
        scheduler.AdvanceBy(5 * Second - 1);
        var beforeFallback = exchange.RestRequests.Count;
        scheduler.AdvanceBy(5 * Second);

        Assert.That(beforeFallback, Is.Zero, "nothing is polled before FallbackAfter");
        var fromRest = tickers.Where(t => t.Value.StreamType == StreamType.Rest).ToList();
        Assert.That(fromRest, Has.Count.GreaterThanOrEqualTo(4), "one poll a second, the market moves every 500 ms");
        Assert.That(fromRest[0].Time - droppedAt, Is.InRange(5 * Second, 5 * Second + 10));
        Assert.That(tickers.Where(t => t.Time > droppedAt).Select(t => t.Value.StreamType), Is.All.EqualTo(StreamType.Rest));
        Assert.That(exchange.RestRequests.Select(r => r.PathAndQuery), Is.All.EqualTo("/v1/ticker?markets=KRW-BTC"));
        Assert.That(states[^1].IsRestFallback, Is.True);
        Assert.That(states.Where(s => s.IsRestFallback).Select(s => s.Status), Is.All.AnyOf(ConnectionStatus.Reconnecting, ConnectionStatus.Connecting));
        Assert.That(states.First(s => s.IsRestFallback).ToString(), Does.Contain("[REST fallback]").And.Contain("polling REST"));
    }

    [Test]
    public void FallbackAfter_ManyCodesOfEveryType_OneTickerRequestPerRoundAndEveryGroupWithinItsRate()
    {
        var codes = Enumerable.Range(0, 40).Select(i => $"KRW-C{i:00}").ToArray();
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, Market = new MarketSimulatorOptions { Codes = codes } });
        using var client = CreateClient(exchange);
        var received = new List<UpbitMessage>();
        using var tickers = client.Ticker(codes).Subscribe(received.Add);
        using var books = client.Orderbook(15, 0m, codes).Subscribe(received.Add);
        using var candles = client.Candle(CandleInterval.OneMinute, codes.Take(12)).Subscribe(received.Add);
        scheduler.AdvanceBy(3 * Second);

        exchange.RefuseNextConnections(1000);
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(35 * Second);

        var log = exchange.RestRequests;
        Assert.That(log.Select(r => r.Status), Is.All.EqualTo(200), "no 429 from the exchange's per-group limits");
        var tickerRequests = log.Where(r => r.Group == "ticker").ToList();
        Assert.That(tickerRequests, Has.Count.InRange(29, 31), "one request a second for all 40 codes");
        Assert.That(tickerRequests[0].PathAndQuery, Is.EqualTo("/v1/ticker?markets=" + string.Join(",", codes)));
        Assert.That(log.Count(r => r.Group == "orderbook"), Is.InRange(29, 31), "one request a second for all books of level 0");
        Assert.That(log.Where(r => r.Group == "orderbook").Select(r => r.PathAndQuery), Is.All.Contains("count=15"));
        Assert.That(log.Count(r => r.Group == "candles"), Is.InRange(140, 151), "12 codes, one request each, at 5 a second");
        foreach (var group in new[] { "ticker", "orderbook", "candles" })
        {
            var ticks = log.Where(r => r.Group == group).Select(r => r.Ticks).ToList();
            var busiest = ticks.Max(t => ticks.Count(u => u >= t && u < t + Second));
            Assert.That(busiest, Is.LessThanOrEqualTo(5), $"{group}: requests in any one second");
        }

        var restBooks = received.OfType<Orderbook>().Where(o => o.StreamType == StreamType.Rest).ToList();
        Assert.That(restBooks.Select(o => o.Code).Distinct().Count(), Is.EqualTo(40));
        Assert.That(restBooks.Select(o => o.Units.Length), Is.All.EqualTo(15));
        var restCandles = received.OfType<Candle>().Where(c => c.StreamType == StreamType.Rest).ToList();
        Assert.That(restCandles.Select(c => c.Code).Distinct().Count(), Is.EqualTo(12));
    }

    [Test]
    public void FallbackAfter_SocketBack_PollingStopsAndStatesClearTheFlag()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = CreateClient(exchange);
        var states = new List<ConnectionState>();
        using var watch = client.ConnectionStates.Subscribe(states.Add);
        var tickers = new List<Ticker>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(tickers.Add);
        scheduler.AdvanceBy(3 * Second);

        exchange.RefuseNextConnections(4);                 // retries at +1, +3, +7, +15 s fail; +31 s succeeds
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(20 * Second);
        Assert.That(states[^1].IsRestFallback, Is.True);
        scheduler.AdvanceBy(12 * Second);
        var requestsAtReconnect = exchange.RestRequests.Count;
        var countAtReconnect = tickers.Count;
        scheduler.AdvanceBy(20 * Second);

        Assert.That(exchange.Connections, Has.Count.EqualTo(2));
        Assert.That(requestsAtReconnect, Is.GreaterThan(10));
        Assert.That(exchange.RestRequests, Has.Count.EqualTo(requestsAtReconnect), "no poll once the socket is back");
        Assert.That(states[^1], Is.EqualTo(new ConnectionState("public", ConnectionStatus.Connected)));
        Assert.That(tickers.Skip(countAtReconnect).Select(t => t.StreamType), Is.All.EqualTo(StreamType.Realtime));
        Assert.That(tickers.Count, Is.GreaterThan(countAtReconnect + 30));
    }

    [Test]
    public void FallbackAfter_MarketQuietDuringTheOutage_PollsEqualToTheSocketsLatestDropped()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = new MarketSimulatorOptions { Horizon = TimeSpan.FromSeconds(4) },
        });
        using var client = CreateClient(exchange);
        var tickers = new List<Ticker>();
        var books = new List<Orderbook>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(tickers.Add);
        using var bookSub = client.Orderbook(15, 0m, "KRW-BTC").Subscribe(books.Add);
        scheduler.AdvanceBy(6 * Second);
        var (tickerCount, bookCount) = (tickers.Count, books.Count);

        exchange.RefuseNextConnections(1000);
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(30 * Second);

        Assert.That(exchange.RestRequests.Count(r => r.Group == "ticker"), Is.GreaterThan(20), "the fallback polled");
        Assert.That(exchange.RestRequests.Count(r => r.Group == "orderbook"), Is.GreaterThan(20));
        Assert.That((tickers.Count, books.Count), Is.EqualTo((tickerCount, bookCount)), "the market did not move, so no poll is news");
        Assert.That(client.GetHealth().DuplicatesDropped, Is.GreaterThan(40));
    }

    [Test]
    public void FallbackAfter_SocketBackWithTheStateRestDelivered_SocketValueDropped()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = new MarketSimulatorOptions { Horizon = TimeSpan.FromSeconds(20) },
        });
        using var client = CreateClient(exchange);
        var tickers = new List<Ticker>();
        var books = new List<Orderbook>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(tickers.Add);
        using var bookSub = client.Orderbook(15, 0m, "KRW-BTC").Subscribe(books.Add);
        scheduler.AdvanceBy(6 * Second);

        exchange.RefuseNextConnections(4);                 // the socket is back 31 s after the drop, the market stopped at 20 s
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(30 * Second);
        var (tickerCount, bookCount) = (tickers.Count, books.Count);
        scheduler.AdvanceBy(30 * Second);

        Assert.That(exchange.Connections, Has.Count.EqualTo(2), "the socket came back");
        Assert.That((tickers[^1].StreamType, books[^1].StreamType), Is.EqualTo((StreamType.Rest, StreamType.Rest)), "the market moved during the outage");
        Assert.That((tickers.Count, books.Count), Is.EqualTo((tickerCount, bookCount)), "the socket's first values repeat what REST delivered");
    }

    [Test]
    public void FallbackAfter_RestDownToo_ErrorsReportedStreamsGoOnWhenSocketReturns()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = CreateClient(exchange);
        var errors = new List<UpbitError>();
        using var errorSub = client.Errors.Subscribe(errors.Add);
        var tickers = new List<Ticker>();
        Exception? failure = null;
        using var sub = client.Ticker("KRW-BTC").Subscribe(tickers.Add, e => failure = e);
        scheduler.AdvanceBy(3 * Second);

        exchange.InjectRestFault(RestFault.Status(503), count: 1000);
        exchange.RefuseNextConnections(4);
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(25 * Second);
        var countInOutage = tickers.Count;
        exchange.ClearRestFaults();
        scheduler.AdvanceBy(30 * Second);

        var restErrors = errors.Where(e => e.Message.StartsWith("REST fallback", StringComparison.Ordinal)).ToList();
        Assert.That(restErrors, Has.Count.GreaterThan(10));
        Assert.That(restErrors.Select(e => (e.Kind, e.Endpoint)), Is.All.EqualTo((UpbitErrorKind.ConnectionFault, "public")));
        Assert.That(restErrors[0].Exception, Is.InstanceOf<UpbitException>());
        Assert.That(failure, Is.Null, "REST trouble never fails a stream");
        Assert.That(tickers.Count, Is.GreaterThan(countInOutage + 20), "and the stream goes on when the socket returns");
    }

    [Test]
    public void FallbackAfter_Null_NothingPolledWhileTheSocketIsDown()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = CreateClient(exchange, new UpbitClientOptions { FallbackAfter = null });
        var states = new List<ConnectionState>();
        using var watch = client.ConnectionStates.Subscribe(states.Add);
        using var sub = client.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(3 * Second);

        exchange.RefuseNextConnections(1000);
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(60 * Second);

        Assert.That(exchange.RestRequests, Is.Empty);
        Assert.That(states.Where(s => s.IsRestFallback), Is.Empty);
    }

    [Test]
    public void Dispose_DuringFallback_NoFurtherRequestsAndReturnsAtOnce()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, RestLatency = TimeSpan.FromMilliseconds(300) });
        var client = CreateClient(exchange);
        var completed = false;
        using var sub = client.Ticker("KRW-BTC").Subscribe(_ => { }, () => completed = true);
        scheduler.AdvanceBy(3 * Second);
        exchange.RefuseNextConnections(1000);
        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(8 * Second + TimeSpan.FromMilliseconds(100).Ticks);   // a poll is in flight

        client.Dispose();
        var requests = exchange.RestRequests.Count;
        scheduler.AdvanceBy(30 * Second);

        Assert.That(requests, Is.GreaterThan(2));
        Assert.That(exchange.RestRequests, Has.Count.EqualTo(requests));
        Assert.That(completed, Is.True);
    }

    private static UpbitClient CreateClient(FakeUpbitExchange exchange, UpbitClientOptions? options = null) =>
        exchange.CreateClient((options ?? new UpbitClientOptions()) with
        {
            RandomSeed = 1,
            Reconnect = new BackoffOptions { Jitter = BackoffJitter.None },
            HttpClient = exchange.CreateHttpClient(),
            RestEndpoint = FakeUpbitExchange.RestEndpoint,
            ValidateCodes = false,   // NB: the market list's REST call is not a poll; these tests count polls
        });
}
