using NUnit.Framework;
using Upbit.Rx.Tests.Protocol;

namespace Upbit.Rx.Tests.Streams;

public sealed class MyOrderTests
{
    [Test]
    public void Times_Timestamps_UtcInstants()
    {
        var order = ExpectedRecords.MyOrder;

        Assert.That(
            (order.TradedAt, order.OrderedAt, order.Time),
            Is.EqualTo(((DateTimeOffset?)DateTimeOffset.FromUnixTimeMilliseconds(1710751590421), DateTimeOffset.FromUnixTimeMilliseconds(1710751590000), DateTimeOffset.FromUnixTimeMilliseconds(1710751597500))));
    }

    [Test]
    public void TradedAt_NoTradeTimestamp_Null()
    {
        Assert.That((ExpectedRecords.MyOrder with { TradeTimestamp = null }).TradedAt, Is.Null);
    }
}
