using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Streams;

public sealed class OrderbookUnitTests
{
    [TestCase(0, 0, 0, 0, true)]
    [TestCase(1, 0, 1, 0, false)]
    [TestCase(0, 1, 0, 1, false)]
    [TestCase(0, 0, 0, 1, false)]
    public void IsPadding_PricesAndSizes_TrueOnlyWhenAllZero(int askPrice, int bidPrice, int askSize, int bidSize, bool expected)
    {
        var unit = new OrderbookUnit { AskPrice = askPrice, BidPrice = bidPrice, AskSize = askSize, BidSize = bidSize };

        Assert.That(unit.IsPadding, Is.EqualTo(expected));
    }

    [Test]
    public void IsPadding_Default_True()
    {
        Assert.That(default(OrderbookUnit).IsPadding, Is.True);
    }

    [Test]
    public void Equals_SameNumbersAtOtherScale_EqualWithSameHash()
    {
        var left = new OrderbookUnit { AskPrice = 101m, BidPrice = 100m, AskSize = 1.5m, BidSize = 2m };
        var right = new OrderbookUnit { AskPrice = 101.0m, BidPrice = 100.00m, AskSize = 1.50m, BidSize = 2.0m };

        Assert.That((left == right, left.GetHashCode() == right.GetHashCode()), Is.EqualTo((true, true)));
    }

    [Test]
    public void Equals_OneSizeDiffers_NotEqual()
    {
        var unit = new OrderbookUnit { AskPrice = 101m, BidPrice = 100m, AskSize = 1.5m, BidSize = 2m };

        Assert.That(unit with { BidSize = 2.5m }, Is.Not.EqualTo(unit));
    }
}
