using NUnit.Framework;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Tests;

public sealed class StreamKeyTests
{
    [Test]
    public void Orderbook_Defaults_ThirtyUnitsLevelZero()
    {
        var key = StreamKey.Orderbook("KRW-BTC");
        Assert.That((key.OrderbookUnits, key.OrderbookLevel), Is.EqualTo((30, 0m)));
    }

    [Test]
    public void IsPrivate_MyOrderAndMyAsset_True()
    {
        Assert.That(new[] { StreamKey.MyOrder().IsPrivate, StreamKey.MyAsset().IsPrivate, StreamKey.Ticker("KRW-BTC").IsPrivate }, Is.EqualTo(new[] { true, true, false }));
    }
}
