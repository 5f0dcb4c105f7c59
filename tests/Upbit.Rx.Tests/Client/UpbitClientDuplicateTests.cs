using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Client;

/// <summary>Law 4 end to end: private events are deduplicated by identity over the wire, never by their timestamps.</summary>
public sealed class UpbitClientDuplicateTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void MyOrder_AllMarketsSecondOrderOlder_BothDelivered()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var orders = new List<MyOrder>();
        using var sub = client.MyOrder().Subscribe(orders.Add);
        scheduler.AdvanceBy(2 * Second);

        exchange.Publish(PrivateMessages.Order("KRW-BTC", "order-1") with { Timestamp = 1_788_220_802_000 });
        exchange.Publish(PrivateMessages.Order("KRW-ETH", "order-2") with { Timestamp = 1_788_220_801_000 });
        scheduler.AdvanceBy(2 * Second);

        Assert.That(orders.Select(o => o.Uuid), Is.EqualTo(new[] { "order-1", "order-2" }));
    }

    [Test]
    public void MyOrder_SameEventTwiceThenAFill_EventOnceFillOnce()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var orders = new List<MyOrder>();
        using var sub = client.MyOrder("KRW-BTC").Subscribe(orders.Add);
        scheduler.AdvanceBy(2 * Second);
        var wait = PrivateMessages.Order("KRW-BTC", "order-1");

        exchange.Publish(wait);
        exchange.Publish(wait with { Timestamp = wait.Timestamp + 1 });
        exchange.Publish(wait with { State = OrderState.Trade, TradeUuid = "fill-1" });
        scheduler.AdvanceBy(2 * Second);

        Assert.That(orders.Select(o => (o.State, o.TradeUuid)), Is.EqualTo(new[] { (OrderState.Wait, (string?)null), (OrderState.Trade, "fill-1") }));
        Assert.That(client.Router.DuplicatesDropped, Is.EqualTo(1L));
    }

    [Test]
    public void MyAsset_SameChangeTwice_DeliveredOnce()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var assets = new List<MyAsset>();
        using var sub = client.MyAsset().Subscribe(assets.Add);
        scheduler.AdvanceBy(2 * Second);
        var change = PrivateMessages.Asset();

        exchange.Publish(change);
        exchange.Publish(change with { Timestamp = change.Timestamp + 40 });
        exchange.Publish(change with { AssetTimestamp = change.AssetTimestamp - 10, Timestamp = change.Timestamp - 10 });
        scheduler.AdvanceBy(2 * Second);

        Assert.That(assets.Select(a => a.AssetTimestamp), Is.EqualTo(new[] { change.AssetTimestamp, change.AssetTimestamp - 10 }), "the resend is dropped, the older other change is not");
    }
}
