using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>Snapshot calls: exactly the requested codes, live streams undisturbed, cache answers without the wire.</summary>
public sealed class UpbitClientSnapshotTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public async Task GetTickersAsync_CodeAlreadyLive_AnswersFromCacheWithoutTouchingTheWire()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var live = new List<Ticker>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(live.Add);
        scheduler.AdvanceBy(3 * Second);
        var requestsBefore = exchange.Requests.Count;

        var tickers = await client.GetTickersAsync(["KRW-BTC"]).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(tickers, Is.EqualTo(new[] { live[^1] }));
        Assert.That(exchange.Requests, Has.Count.EqualTo(requestsBefore));
    }

    [Test]
    public async Task GetOrderbooksAsync_WhileOtherStreamLive_LiveStreamSeesNoSecondSnapshot()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var live = new List<Trade>();
        using var sub = client.Trade("KRW-BTC").Subscribe(live.Add);
        scheduler.AdvanceBy(3 * Second);

        var fetch = client.GetOrderbooksAsync(["KRW-ETH"], units: 5);
        scheduler.AdvanceBy(2 * Second);
        var books = await fetch.WaitAsync(TimeSpan.FromSeconds(10));
        scheduler.AdvanceBy(3 * Second);
        using var other = client.Ticker("KRW-XRP").Subscribe(_ => { });
        scheduler.AdvanceBy(3 * Second);

        Assert.That(books.Select(b => (b.Code, b.Units.Length)), Is.EqualTo(new[] { ("KRW-ETH", 5) }));
        Assert.That(live.Count(t => t.StreamType == StreamType.Snapshot), Is.EqualTo(1));
        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "ticker KRW-XRP", "trade KRW-BTC realtime" }), "an answered snapshot object is not sent again");
    }

    [Test]
    public void GetTickersAsync_TokenAlreadyCancelled_OpensNoConnectionAndSendsNothing()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();

        var fetch = client.GetTickersAsync(["KRW-BTC"], new CancellationToken(canceled: true));
        scheduler.AdvanceBy(5 * Second);

        Assert.That(fetch.IsCanceled, Is.True);
        Assert.That((exchange.Connections.Count, exchange.Requests.Count, client.Router.FeedCount), Is.EqualTo((0, 0, 0)));
    }

    [Test]
    public async Task GetTickersAsync_ServerRejectsTheType_FailsAndLeavesNoFeedBehind()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { ValidateCodes = false });
        using var live = client.Trade("KRW-XRP").Subscribe(_ => { }, _ => { });   // snapshot calls use the socket while it is open
        scheduler.AdvanceBy(Second);

        var fetch = client.GetTickersAsync(["KRW-BTC", "KRW-ETH"]);
        exchange.SendError(exchange.Connections.Single().Id, "INVALID_PARAM", "ticker 은 지원하지 않는 타입입니다.");   // before the open socket answers
        scheduler.AdvanceBy(1);

        var error = await Assert.ThrowsAsync<UpbitException>(() => fetch.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That((error!.ServerErrorName, client.Router.FeedCount), Is.EqualTo(("INVALID_PARAM", 1)));   // the rejected type's waiters leave no feed; only the live trade feed remains
    }

    [Test]
    public void GetTickersAsync_DuringReconnectForQuietLiveCode_AnsweredOverRestAtOnce()
    {
        var scheduler = new TestScheduler();
        var quiet = new MarketSimulatorOptions { TickInterval = TimeSpan.FromHours(1) };
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, Market = quiet });
        using var client = exchange.CreateClient(new UpbitClientOptions { SnapshotTimeout = TimeSpan.FromSeconds(10) });
        var live = new List<Ticker>();
        IDisposable? sub = null;
        PumpedRun.Advance(scheduler, TimeSpan.FromSeconds(3), () => sub = client.Ticker("KRW-BTC").Subscribe(live.Add));
        using var _ = sub;
        exchange.Drop(exchange.Connections.Single().Id);
        scheduler.AdvanceBy(1);

        var tickers = PumpedRun.Call(scheduler, () => client.GetTickersAsync(["KRW-BTC"])).Result;

        // NB: REST answers while the socket waits to reconnect; its record lacks the socket-only fields but agrees on the rest.
        Assert.That(exchange.Connections, Has.Count.EqualTo(1), "answered before the reconnect");
        Assert.That((tickers.Single().TradePrice, tickers.Single().Timestamp), Is.EqualTo((live.Single().TradePrice, live.Single().Timestamp)));
        PumpedRun.Advance(scheduler, TimeSpan.FromSeconds(12));
        Assert.That((live.Count, exchange.Connections.Count), Is.EqualTo((1, 2)), "the live stream is untouched by the call");
    }

    [Test]
    public async Task GetOrderbooksAsync_QuietCodeLiveAtSmallerDepth_AnswersFromTheLiveStream()
    {
        var scheduler = new TestScheduler();
        var quiet = new MarketSimulatorOptions { TickInterval = TimeSpan.FromHours(1) };
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, Market = quiet });
        using var client = exchange.CreateClient(new UpbitClientOptions { SnapshotTimeout = TimeSpan.FromSeconds(5) });
        var live = new List<Orderbook>();
        using var sub = client.Orderbook(15, 0m, "KRW-BTC").Subscribe(live.Add);
        scheduler.AdvanceBy(3 * Second);
        var requestsBefore = exchange.Requests.Count;

        var fetch = client.GetOrderbooksAsync(["KRW-BTC"], units: 30);
        scheduler.AdvanceBy(6 * Second);
        var books = await fetch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(books, Is.EqualTo(new[] { live.Single() }), "the live book, at most the live depth");
        Assert.That(exchange.Requests, Has.Count.EqualTo(requestsBefore));
    }
}
