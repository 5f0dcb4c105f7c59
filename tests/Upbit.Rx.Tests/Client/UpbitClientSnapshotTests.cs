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
    public async Task GetTickersAsync_NothingLive_ConnectsAsksSnapshotOnlyAndReturnsExactlyTheCodes()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { Linger = TimeSpan.FromSeconds(2) });

        var fetch = client.GetTickersAsync(["KRW-ETH", "KRW-BTC"]);
        scheduler.AdvanceBy(Second);
        var tickers = await fetch.WaitAsync(TimeSpan.FromSeconds(10));
        scheduler.AdvanceBy(10 * Second);

        Assert.That(tickers.Select(t => (t.Code, t.StreamType)), Is.EqualTo(new[] { ("KRW-ETH", StreamType.Snapshot), ("KRW-BTC", StreamType.Snapshot) }));
        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "ticker KRW-BTC snapshot-only", "ticker KRW-ETH snapshot-only" }));
        Assert.That(exchange.Connections.Single().IsOpen, Is.False, "the connection lingers, then closes");
    }

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

        Assert.That(books.Select(b => (b.Code, b.Units.Count)), Is.EqualTo(new[] { ("KRW-ETH", 5) }));
        Assert.That(live.Count(t => t.StreamType == StreamType.Snapshot), Is.EqualTo(1));
        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "ticker KRW-XRP", "trade KRW-BTC realtime" }), "an answered snapshot object is not sent again");
    }

    [Test]
    public async Task GetTickersAsync_UnknownCode_TimesOutWithClearMessage()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { SnapshotTimeout = TimeSpan.FromSeconds(5) });

        var fetch = client.GetTickersAsync(["KRW-NOPE"]);
        scheduler.AdvanceBy(6 * Second);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => fetch.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(error!.Message, Does.Contain("KRW-NOPE").And.Contain("5 s"));
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
        using var client = exchange.CreateClient();

        var fetch = client.GetTickersAsync(["KRW-BTC", "KRW-ETH"]);
        scheduler.AdvanceBy(1);
        exchange.SendError(exchange.Connections.Single().Id, "INVALID_PARAM", "ticker 은 지원하지 않는 타입입니다.");
        scheduler.AdvanceBy(1);

        var error = await Assert.ThrowsAsync<UpbitException>(() => fetch.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That((error!.ServerErrorName, client.Router.FeedCount), Is.EqualTo(("INVALID_PARAM", 0)));
    }

    [Test]
    public async Task GetTickersAsync_DuringReconnectForQuietLiveCode_AnsweredByTheRestatingSnapshot()
    {
        var scheduler = new TestScheduler();
        var quiet = new MarketSimulatorOptions { TickInterval = TimeSpan.FromHours(1) };
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, Market = quiet });
        using var client = exchange.CreateClient(new UpbitClientOptions { SnapshotTimeout = TimeSpan.FromSeconds(10) });
        var live = new List<Ticker>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(live.Add);
        scheduler.AdvanceBy(3 * Second);
        exchange.Drop(exchange.Connections.Single().Id);
        scheduler.AdvanceBy(1);

        var fetch = client.GetTickersAsync(["KRW-BTC"]);
        scheduler.AdvanceBy(12 * Second);
        var tickers = await fetch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(exchange.Connections, Has.Count.EqualTo(2), "the answer came over the new connection");
        Assert.That(tickers.Single() with { StreamType = StreamType.Realtime }, Is.EqualTo(live.Single() with { StreamType = StreamType.Realtime }));
        Assert.That((live.Count, client.Router.DuplicatesDropped), Is.EqualTo((1, 1L)), "the live stream still sees the restatement as a duplicate");
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
