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
}
