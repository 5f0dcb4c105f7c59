using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>The laws of design.md §3, proven in virtual time against the in-memory fake exchange.</summary>
public sealed class UpbitClientLawTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void Ticker_NotSubscribed_NothingConnectsOrSends()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();

        _ = client.Ticker("KRW-BTC");
        scheduler.AdvanceBy(10 * Second);

        Assert.That((exchange.Connections.Count, exchange.Requests.Count), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Union_SecondStreamAdded_RequestCarriesWholeUnionWithLiveKeysRealtimeOnly()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();

        using var tickers = client.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);
        using var trades = client.Trade("KRW-ETH").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);

        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "ticker KRW-BTC realtime", "trade KRW-ETH" }));
    }

    [Test]
    public void Union_EveryKeyDeliveredThenABookDeepens_DeeperBookAsksASnapshotAndIsLiveAgainOnceItDelivers()
    {
        // NB: once every key of the last request has delivered, the receive loop stops looking keys up (OnWire); a
        // deeper book must still ask for its snapshot, and must count as live again once its deeper data came.
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();

        using var tickers = client.Ticker("KRW-BTC").Subscribe(_ => { });
        using var shallow = client.Orderbook(1, 0m, "KRW-ETH").Subscribe(_ => { });
        scheduler.AdvanceBy(3 * Second);
        using var deep = client.Orderbook(15, 0m, "KRW-ETH").Subscribe(_ => { });
        scheduler.AdvanceBy(3 * Second);
        var deepened = WireRequests.Last(exchange);
        using var trades = client.Trade("KRW-XRP").Subscribe(_ => { });
        scheduler.AdvanceBy(3 * Second);

        Assert.That(deepened, Is.EquivalentTo(new[] { "ticker KRW-BTC realtime", "orderbook KRW-ETH.15" }));
        Assert.That(WireRequests.Last(exchange), Is.EquivalentTo(new[] { "ticker KRW-BTC realtime", "orderbook KRW-ETH.15 realtime", "trade KRW-XRP" }));
    }

    [Test]
    public void Union_OneStreamLeaves_RequestStillCarriesTheOthers()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var tickers = new List<Ticker>();

        using var keep = client.Ticker("KRW-BTC").Subscribe(tickers.Add);
        var leave = client.Orderbook("KRW-ETH").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);
        leave.Dispose();
        scheduler.AdvanceBy(2 * Second);
        var before = tickers.Count;
        scheduler.AdvanceBy(5 * Second);

        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "ticker KRW-BTC realtime" }));
        Assert.That(tickers.Count, Is.GreaterThan(before));
    }

    [Test]
    public void RefCount_TwoSubscribersOneCode_OneWireKeyUntilTheLastLeaves()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { Linger = TimeSpan.FromSeconds(5) });

        var first = client.Ticker("KRW-BTC").Subscribe(_ => { });
        var second = client.Ticker("KRW-BTC", "KRW-ETH").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);
        var both = WireRequests.Last(exchange);
        first.Dispose();
        scheduler.AdvanceBy(2 * Second);
        var afterFirst = WireRequests.Last(exchange);
        second.Dispose();
        scheduler.AdvanceBy(10 * Second);

        Assert.That(both, Is.EqualTo(new[] { "ticker KRW-BTC", "ticker KRW-ETH" }));
        Assert.That(afterFirst, Is.EqualTo(both), "the first leaving changes nothing on the wire");
        Assert.That(exchange.Connections.Select(c => c.IsOpen), Is.EqualTo(new[] { false }), "closed after the linger");
    }

    [Test]
    public void FirstValue_NewSubscriber_GetsSnapshotThenRealtime()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var seen = new List<Ticker>();

        using var sub = client.Ticker("KRW-BTC").Subscribe(seen.Add);
        scheduler.AdvanceBy(3 * Second);

        Assert.That(seen.Select(t => t.StreamType).Distinct(), Is.EqualTo(new[] { StreamType.Snapshot, StreamType.Realtime }));
        Assert.That(seen[0].StreamType, Is.EqualTo(StreamType.Snapshot));
    }

    [Test]
    public void FirstValue_LateJoinerToLiveKey_GetsCachedLatestAtOnceWithoutNewSnapshotOnWire()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var early = new List<Ticker>();
        using var first = client.Ticker("KRW-BTC").Subscribe(early.Add);
        scheduler.AdvanceBy(3 * Second);
        var late = new List<Ticker>();

        using var second = client.Ticker("KRW-BTC").Subscribe(late.Add);

        Assert.That(late, Is.EqualTo(new[] { early[^1] }));
    }

    [Test]
    public void NoDuplicates_UnionChangesManyTimes_ExistingSubscriberSeesOneSnapshotAndIncreasingTimes()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var seen = new List<Trade>();
        using var sub = client.Trade("KRW-BTC").Subscribe(seen.Add);

        foreach (var code in new[] { "KRW-ETH", "KRW-XRP", "BTC-ETH", "USDT-BTC" })
        {
            var passing = client.Ticker(code).Subscribe(_ => { });
            scheduler.AdvanceBy(2 * Second);
            passing.Dispose();
        }

        scheduler.AdvanceBy(5 * Second);

        Assert.That(seen, Has.Count.GreaterThan(10));
        Assert.That(WireRequests.Subscriptions(exchange), Has.Count.EqualTo(5), "the union really changed on the wire, once per new code");
        Assert.That(seen.Count(t => t.StreamType == StreamType.Snapshot), Is.EqualTo(1));
        Assert.That(seen.Select(t => t.SequentialId).Distinct().Count(), Is.EqualTo(seen.Count));
    }

    private static readonly int[][] Orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    [TestCaseSource(nameof(Orders))]
    public void RefCount_DisposeInAnyOrder_WireAlwaysEqualsTheLiveKeys(int[] order)
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { Linger = TimeSpan.FromMinutes(1) });
        string[][] codes = [["KRW-BTC", "KRW-ETH"], ["KRW-ETH", "KRW-XRP"], ["KRW-BTC"]];
        var subs = codes.Select(c => client.Ticker(c).Subscribe(_ => { })).ToArray();
        var live = new HashSet<int>([0, 1, 2]);
        scheduler.AdvanceBy(2 * Second);

        foreach (var index in order[..^1])
        {
            subs[index].Dispose();
            live.Remove(index);
            scheduler.AdvanceBy(2 * Second);
            var expected = live.SelectMany(i => codes[i]).Distinct().Order(StringComparer.Ordinal).Select(c => $"ticker {c}");
            Assert.That(WireRequests.Last(exchange).Select(e => e.Replace(" realtime", string.Empty, StringComparison.Ordinal)), Is.EqualTo(expected));
        }

        subs[order[^1]].Dispose();
        Assert.That(client.Registry.Union, Is.Empty);
    }

    [Test]
    public void FirstValue_LeaveAndRejoinWithinLinger_NewSubscriberGetsSnapshot()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(QuietMarket(scheduler));
        using var client = exchange.CreateClient();
        var first = client.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);
        first.Dispose();
        scheduler.AdvanceBy(1 * Second);

        var got = new List<Ticker>();
        using var second = client.Ticker("KRW-BTC").Subscribe(got.Add);
        scheduler.AdvanceBy(Second / 10);

        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "ticker KRW-BTC" }));
        Assert.That(got.Select(t => t.StreamType).FirstOrDefault(), Is.EqualTo(StreamType.Snapshot));
        Assert.That(exchange.Connections, Has.Count.EqualTo(1), "the lingering socket is reused");
    }

    [Test]
    public void FirstValue_DisposeAndResubscribeInOneTick_ResubscribedKeyAsksForSnapshot()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(QuietMarket(scheduler));
        using var client = exchange.CreateClient();
        using var other = client.Trade("KRW-ETH").Subscribe(_ => { });
        var first = client.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);

        first.Dispose();
        var got = new List<Ticker>();
        using var second = client.Ticker("KRW-BTC").Subscribe(got.Add);
        scheduler.AdvanceBy(Second / 10);

        Assert.That(WireRequests.Last(exchange), Does.Contain("ticker KRW-BTC"));
        Assert.That(got.Select(t => t.StreamType).FirstOrDefault(), Is.EqualTo(StreamType.Snapshot));
    }

    /// <summary>A market that trades once every ten minutes: a code's next value after its snapshot is far away.</summary>
    private static FakeExchangeOptions QuietMarket(TestScheduler scheduler) => new()
    {
        Scheduler = scheduler,
        Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMinutes(10) },
    };

    [Test]
    public void FirstValue_ResubscribeBetweenAnotherSubscribersDetachAndRelease_NewSubscriberGetsSnapshot()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(QuietMarket(scheduler));
        using var client = exchange.CreateClient();
        var key = Upbit.Rx.Subscriptions.StreamKey.Ticker("KRW-BTC");
        var leaving = new Recorder<Ticker>();
        var subscription = new Upbit.Rx.Subscriptions.StreamSubscription<Ticker>(leaving, e => throw e);
        subscription.Start(client.Router, client.Registry, [key]);
        scheduler.AdvanceBy(2 * Second);

        // NB: what another thread's subscribe would see in the middle of this Dispose: the lease goes first now.
        var got = new List<Ticker>();
        subscription.Dispose();
        using var second = client.Ticker("KRW-BTC").Subscribe(got.Add);
        scheduler.AdvanceBy(2 * Second);

        Assert.That(got.Select(t => t.StreamType).FirstOrDefault(), Is.EqualTo(StreamType.Snapshot));
    }
}
