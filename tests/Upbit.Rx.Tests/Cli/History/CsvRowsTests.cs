using System.Globalization;
using NUnit.Framework;
using Upbit.Rx.Cli.History;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Cli.History;

public sealed class CsvRowsTests
{
    [Test]
    [SetCulture("de-DE")]
    public void Candle_CommaDecimalCulture_InvariantTextWithEveryDigitKept()
    {
        var candle = new Candle
        {
            Code = "KRW-BTC",
            Interval = CandleInterval.OneMinute,
            CandleDateTimeUtc = "2026-12-04T15:51:00",
            CandleDateTimeKst = "2026-12-05T00:51:00",
            OpeningPrice = 144796000m,
            HighPrice = 144812000.0m,
            LowPrice = 0.00000010m,
            TradePrice = 1.5m,
            CandleAccTradeVolume = 0.04664842m,
            CandleAccTradePrice = 6754867.63840000m,
            Timestamp = 1796399482623,
            StreamType = StreamType.Snapshot,
        };

        var row = CsvRows.Candle(candle, "1m");

        Assert.That(row, Is.EqualTo("KRW-BTC,1m,2026-12-04T15:51:00,2026-12-05T00:51:00,144796000,144812000.0,0.00000010,1.5,0.04664842,6754867.63840000,1796399482623"));
        Assert.That(row.Split(',').Length, Is.EqualTo(CsvRows.CandleHeader.Split(',').Length));
    }

    [SetCulture("de-DE")]
    [TestCase(AskBid.Ask, "ASK")]
    [TestCase(AskBid.Bid, "BID")]
    [TestCase(AskBid.Unknown, "")]
    public void Trade_Side_WrittenAsUpbitNamesIt(AskBid side, string expected)
    {
        var trade = new Trade
        {
            Code = "KRW-ETH",
            TradePrice = 5100000m,
            TradeVolume = 0.12000000m,
            AskBid = side,
            PrevClosingPrice = 5000000.0m,
            Change = Change.Rise,
            ChangePrice = 100000m,
            TradeDate = "2026-12-04",
            TradeTime = "15:52:02",
            TradeTimestamp = 1796399522826,
            Timestamp = 1796399522900,
            SequentialId = 17963995228260000,
            BestAskPrice = null,
            BestAskSize = null,
            BestBidPrice = null,
            BestBidSize = null,
            StreamType = StreamType.Snapshot,
        };

        var row = CsvRows.Trade(trade);

        Assert.That(row, Is.EqualTo($"KRW-ETH,17963995228260000,1796399522826,2026-12-04,15:52:02,5100000,0.12000000,{expected},5000000.0,100000"));
        Assert.That(row.Split(',').Length, Is.EqualTo(CsvRows.TradeHeader.Split(',').Length));
        Assert.That(CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator, Is.EqualTo(","), "the test ran under a comma culture");
    }
}
