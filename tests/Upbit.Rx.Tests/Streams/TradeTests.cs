using NUnit.Framework;
using Upbit.Rx.Tests.Protocol;

namespace Upbit.Rx.Tests.Streams;

public sealed class TradeTests
{
    [Test]
    public void TradedAt_TradeTimestamp_MatchesTradeDateAndTime()
    {
        var trade = ExpectedRecords.TradeBtc;

        Assert.That(trade.TradedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(trade.TradeDate + " " + trade.TradeTime));
    }

    [Test]
    public void Equals_SequentialIdDiffersBeyondDoublePrecision_NotEqual()
    {
        Assert.That(ExpectedRecords.TradeBtc, Is.Not.EqualTo(ExpectedRecords.TradeBtc with { SequentialId = 17877285547970001 }));
    }
}
