using NUnit.Framework;
using Upbit.Rx.Tests.Protocol;

namespace Upbit.Rx.Tests.Streams;

public sealed class TickerTests
{
    [Test]
    public void TradedAtAndTime_Timestamps_UtcInstantsMatchingTradeDateAndTime()
    {
        var ticker = ExpectedRecords.TickerSnapshot;

        Assert.That(
            (ticker.TradedAt, ticker.TradedAt.ToString("yyyyMMdd HHmmss", System.Globalization.CultureInfo.InvariantCulture), ticker.Time),
            Is.EqualTo((new DateTimeOffset(2025, 9, 26, 8, 26, 45, 145, TimeSpan.Zero), ticker.TradeDate + " " + ticker.TradeTime, new DateTimeOffset(2025, 9, 26, 8, 26, 45, 276, TimeSpan.Zero))));
    }

    [Test]
    public void Time_TimestampBeyondDateTimeOffsetRange_ClampedNotThrown()
    {
        var ticker = ExpectedRecords.TickerSnapshot with { Timestamp = long.MaxValue, TradeTimestamp = long.MinValue };

        Assert.That((ticker.Time, ticker.TradedAt, ticker.ToString().Length > 0), Is.EqualTo((DateTimeOffset.MaxValue.AddTicks(-(DateTimeOffset.MaxValue.Ticks % TimeSpan.TicksPerMillisecond)), DateTimeOffset.UnixEpoch.AddMilliseconds(DateTimeOffset.MinValue.ToUnixTimeMilliseconds()), true)));
    }

    [Test]
    public void ToString_Record_NamesCodeAndPrice()
    {
        Assert.That(ExpectedRecords.TickerSnapshot.ToString(), Does.StartWith("Ticker { Code = KRW-BTC, OpeningPrice = 158219000.00000000,"));
    }
}
