using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Subscriptions;

public sealed class RouterTests
{
    [Test]
    public void Publish_TwoCodes_EachSubscriberGetsOnlyItsCode()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var btc = Subscribe<Ticker>(router, registry, StreamKey.Ticker("KRW-BTC"));
        var eth = Subscribe<Ticker>(router, registry, StreamKey.Ticker("KRW-ETH"));

        router.Publish(Make.Ticker("KRW-BTC", 100m, 1));
        router.Publish(Make.Ticker("KRW-ETH", 5m, 1));
        router.Publish(Make.Ticker("KRW-XRP", 1m, 1));

        Assert.That((btc.Values.Select(t => t.Code), eth.Values.Select(t => t.Code), router.Unrouted), Is.EqualTo((new[] { "KRW-BTC" }, new[] { "KRW-ETH" }, 1L)));
    }

    [Test]
    public void Attach_LateJoinerToLiveKey_GetsLatestAtOnce()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var early = Subscribe<Ticker>(router, registry, StreamKey.Ticker("KRW-BTC"));
        router.Publish(Make.Ticker("KRW-BTC", 100m, 1));
        router.Publish(Make.Ticker("KRW-BTC", 101m, 2));

        var late = Subscribe<Ticker>(router, registry, StreamKey.Ticker("KRW-BTC"));

        Assert.That((early.Values.Count, late.Values.Select(t => t.TradePrice)), Is.EqualTo((2, new[] { 101m })));
    }

    [Test]
    public void Publish_TradeRepeatedAfterReconnect_DroppedBySequentialId()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var trades = Subscribe<Trade>(router, registry, StreamKey.Trade("KRW-BTC"));

        router.Publish(Make.Trade("KRW-BTC", 17877285547970001, 1, type: StreamType.Snapshot));
        router.Publish(Make.Trade("KRW-BTC", 17877285547970002, 2));
        router.Publish(Make.Trade("KRW-BTC", 17877285547970002, 2, type: StreamType.Snapshot));
        router.Publish(Make.Trade("KRW-BTC", 17877285547970000, 1));

        Assert.That((trades.Values.Select(t => t.SequentialId), router.DuplicatesDropped), Is.EqualTo((new[] { 17877285547970001, 17877285547970002, 17877285547970000 }, 1L)));
    }

    [Test]
    public void Publish_SnapshotRestatingLastValue_DroppedButOlderOtherValueDelivered()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var tickers = Subscribe<Ticker>(router, registry, StreamKey.Ticker("KRW-BTC"));

        router.Publish(Make.Ticker("KRW-BTC", 100m, 5));
        router.Publish(Make.Ticker("KRW-BTC", 100m, 5, StreamType.Snapshot));
        router.Publish(Make.Ticker("KRW-BTC", 99m, 4, StreamType.Snapshot));
        router.Publish(Make.Ticker("KRW-BTC", 101m, 5));

        Assert.That(tickers.Values.Select(t => t.TradePrice), Is.EqualTo(new[] { 100m, 99m, 101m }));
    }

    [Test]
    public async Task WaitNext_DuplicateOfLatestArrives_WaiterAnsweredAnyway()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var tickers = Subscribe<Ticker>(router, registry, StreamKey.Ticker("KRW-BTC"));
        router.Publish(Make.Ticker("KRW-BTC", 100m, 5));
        var (_, next) = router.WaitNext(StreamKey.Ticker("KRW-BTC"));

        router.Publish(Make.Ticker("KRW-BTC", 100m, 5, StreamType.Snapshot));
        var answer = await next.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That((((Ticker)answer).StreamType, tickers.Values.Count, router.DuplicatesDropped), Is.EqualTo((StreamType.Snapshot, 1, 1L)));
    }

    [Test]
    public void Fail_WaiterOnlyFeed_FeedRetired()
    {
        var router = new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance);
        var (_, next) = router.WaitNext(StreamKey.Ticker("KRW-NOPE"));

        router.Fail(_ => true, new UpbitException("INVALID_PARAM", "nope"));

        Assert.That((next.IsFaulted, router.FeedCount), Is.EqualTo((true, 0)));
    }

    [Test]
    public void Publish_TwoOrdersSecondOlder_BothDelivered()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var orders = Subscribe<MyOrder>(router, registry, StreamKey.MyOrder());

        router.Publish(Upbit.Rx.Tests.Testing.Scenarios.PrivateMessages.Order("KRW-BTC", "order-1") with { Timestamp = 2_000 });
        router.Publish(Upbit.Rx.Tests.Testing.Scenarios.PrivateMessages.Order("KRW-ETH", "order-2") with { Timestamp = 1_000 });

        Assert.That(orders.Values.Select(o => o.Uuid), Is.EqualTo(new[] { "order-1", "order-2" }));
    }

    [Test]
    public void Publish_OrderbookOfThirty_EachSubscriberTrimmedToItsDepth()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var five = Subscribe<Orderbook>(router, registry, StreamKey.Orderbook("KRW-BTC", 5));
        var thirty = Subscribe<Orderbook>(router, registry, StreamKey.Orderbook("KRW-BTC", 30));

        router.Publish(Make.Orderbook("KRW-BTC", 30, 1));

        Assert.That((five.Values.Single().Units.Length, thirty.Values.Single().Units.Length), Is.EqualTo((5, 30)));
    }

    [Test]
    public void Publish_OrderbookOtherLevel_NotDelivered()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var grouped = Subscribe<Orderbook>(router, registry, StreamKey.Orderbook("KRW-BTC", 30, 10000m));

        router.Publish(Make.Orderbook("KRW-BTC", 30, 1, level: 0m));
        router.Publish(Make.Orderbook("KRW-BTC", 30, 2, level: 10000m));

        Assert.That(grouped.Values.Select(b => b.Level), Is.EqualTo(new decimal?[] { 10000m }));
    }

    [Test]
    public void Publish_ThrowingSubscriber_DetachedReportedOthersContinue()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var faults = new List<Exception>();
        var thrower = new StreamSubscription<Ticker>(new Recorder<Ticker>(_ => throw new InvalidOperationException("boom")), faults.Add);
        thrower.Start(router, registry, [StreamKey.Ticker("KRW-BTC")]);
        var healthy = Subscribe<Ticker>(router, registry, StreamKey.Ticker("KRW-BTC"));

        router.Publish(Make.Ticker("KRW-BTC", 100m, 1));
        router.Publish(Make.Ticker("KRW-BTC", 101m, 2));

        Assert.That((faults.Select(f => f.Message), healthy.Values.Count, registry.CountOf(StreamKey.Ticker("KRW-BTC"))), Is.EqualTo((new[] { "boom" }, 2, 1)));
    }

    [Test]
    public void Fail_ConcernedKey_SubscriberGetsErrorAndReleasesLease()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var btc = Subscribe<Ticker>(router, registry, StreamKey.Ticker("KRW-BTC"));
        var eth = Subscribe<Ticker>(router, registry, StreamKey.Ticker("KRW-ETH"));

        router.Fail(k => k.Code == "KRW-BTC", new UpbitException("INVALID_PARAM", "nope"));

        Assert.That((btc.Error?.Message, eth.Error, registry.Union.Select(k => k.Code)), Is.EqualTo(("INVALID_PARAM: nope", (Exception?)null, new[] { "KRW-ETH" })));
    }

    [Test]
    public void Dispose_LastSubscriber_FeedRetiredAndCacheForgotten()
    {
        var (router, registry) = (new Router(System.Reactive.Concurrency.ImmediateScheduler.Instance), new SubscriptionRegistry());
        var first = Subscribe<Ticker>(router, registry, StreamKey.Ticker("KRW-BTC"));
        router.Publish(Make.Ticker("KRW-BTC", 100m, 1));

        first.Subscription.Dispose();

        Assert.That((router.Latest(StreamKey.Ticker("KRW-BTC")), registry.Union.Length), Is.EqualTo(((UpbitMessage?)null, 0)));
    }

    private static Recorder<T> Subscribe<T>(Router router, SubscriptionRegistry registry, StreamKey key)
        where T : UpbitMessage
    {
        var recorder = new Recorder<T>();
        var subscription = new StreamSubscription<T>(recorder, e => throw e);
        recorder.Subscription = subscription;
        subscription.Start(router, registry, [key]);
        return recorder;
    }
}
