using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing;

public sealed class MarketSimulatorTests
{
    private static readonly long s_second = TimeSpan.TicksPerSecond;

    [Test]
    public void Messages_SameSeedAndTimes_SameMarket()
    {
        var first = Run(7, 30);
        var again = Run(7, 30);
        var otherSeed = Run(8, 30);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(otherSeed, Is.Not.EqualTo(first));
    }

    [Test]
    public void Trades_SequentialIds_IncreasingAndAboveTwoToThe53()
    {
        var trades = Run(1, 60).OfType<Trade>().Where(t => t.Code == "KRW-BTC").ToList();

        Assert.That(trades, Has.Count.EqualTo(120));
        Assert.That(trades.Select(t => t.SequentialId), Is.Ordered.Ascending.And.Unique);
        Assert.That(trades.Select(t => t.SequentialId > (1L << 53)), Is.All.True);
        Assert.That(trades.Select(t => t.SequentialId / 10_000), Is.EqualTo(trades.Select(t => t.TradeTimestamp)));
    }

    [Test]
    public void Trades_KrwBtcPrices_OnTheThousandWonGrid()
    {
        var trades = Run(3, 60).OfType<Trade>().Where(t => t.Code == "KRW-BTC").ToList();

        Assert.That(trades.Select(t => t.TradePrice % 1000m), Is.All.EqualTo(0m));
        Assert.That(trades.Select(t => t.TradePrice), Is.All.InRange(100_000_000m, 200_000_000m));
    }

    [Test]
    public void Ticker_AfterTrades_ConsistentWithThem()
    {
        var scheduler = new TestScheduler();
        using var market = new MarketSimulator(new MarketSimulatorOptions(), scheduler);
        var start = market.Ticker("KRW-ETH");
        var trades = new List<Trade>();
        using var _ = market.Messages.OfType<Trade>().Where(t => t.Code == "KRW-ETH").Subscribe(trades.Add);

        scheduler.AdvanceBy(20 * s_second);
        var ticker = market.Ticker("KRW-ETH");

        var last = trades[^1];
        Assert.Multiple(() =>
        {
            Assert.That(ticker.AccTradeVolume - start.AccTradeVolume, Is.EqualTo(trades.Sum(t => t.TradeVolume)));
            Assert.That(ticker.AccTradePrice - start.AccTradePrice, Is.EqualTo(trades.Sum(t => t.TradePrice * t.TradeVolume)));
            Assert.That(ticker.AccBidVolume + ticker.AccAskVolume, Is.EqualTo(ticker.AccTradeVolume));
            Assert.That((ticker.TradePrice, ticker.TradeVolume, ticker.TradeTimestamp, ticker.AskBid), Is.EqualTo((last.TradePrice, last.TradeVolume, last.TradeTimestamp, last.AskBid)));
            Assert.That(ticker.SignedChangePrice, Is.EqualTo(ticker.TradePrice - ticker.PrevClosingPrice));
            Assert.That(ticker.ChangePrice, Is.EqualTo(Math.Abs(ticker.SignedChangePrice)));
            Assert.That(ticker.SignedChangeRate, Is.EqualTo(Math.Round(ticker.SignedChangePrice / ticker.PrevClosingPrice, 8)));
            Assert.That(ticker.Change, Is.EqualTo(ticker.SignedChangePrice > 0 ? Change.Rise : ticker.SignedChangePrice < 0 ? Change.Fall : Change.Even));
            Assert.That(ticker.HighPrice, Is.GreaterThanOrEqualTo(trades.Max(t => t.TradePrice)));
            Assert.That(ticker.LowPrice, Is.LessThanOrEqualTo(trades.Min(t => t.TradePrice)));
            Assert.That(ticker.Highest52WeekPrice, Is.GreaterThanOrEqualTo(ticker.HighPrice));
            Assert.That(ticker.TradeDate, Is.EqualTo("20260901"));
        });
    }

    [Test]
    public void Ticker_PastUtcMidnight_PrevCloseIsLastPriceOfTheDayAndTotalsReset()
    {
        var scheduler = new TestScheduler();
        var options = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMinutes(10), VirtualEpoch = new DateTimeOffset(2026, 9, 1, 23, 0, 0, TimeSpan.Zero) };
        using var market = new MarketSimulator(options, scheduler);
        scheduler.AdvanceBy(TimeSpan.FromMinutes(55).Ticks);
        var lastOfDay = market.Trade("KRW-BTC").TradePrice;

        scheduler.AdvanceBy(TimeSpan.FromMinutes(10).Ticks);
        var ticker = market.Ticker("KRW-BTC");

        Assert.That((ticker.TradeDate, ticker.PrevClosingPrice, ticker.OpeningPrice), Is.EqualTo(("20260902", lastOfDay, lastOfDay)));
        Assert.That(ticker.AccTradeVolume, Is.EqualTo(ticker.TradeVolume));
    }

    [Test]
    public void Candle_OneMinuteAfter61Seconds_NextWindowOpenedOnTheBoundary()
    {
        var scheduler = new TestScheduler();
        using var market = new MarketSimulator(new MarketSimulatorOptions(), scheduler);

        scheduler.AdvanceBy(61 * s_second);
        var minute = market.Candle("KRW-BTC", CandleInterval.OneMinute);
        var hour = market.Candle("KRW-BTC", CandleInterval.SixtyMinutes);

        Assert.Multiple(() =>
        {
            Assert.That((minute.CandleDateTimeUtc, minute.CandleDateTimeKst), Is.EqualTo(("2026-09-01T00:01:00", "2026-09-01T09:01:00")));
            Assert.That(hour.CandleDateTimeUtc, Is.EqualTo("2026-09-01T00:00:00"));
            Assert.That(minute.OpeningPrice, Is.Not.EqualTo(0m));
            Assert.That(hour.HighPrice, Is.GreaterThanOrEqualTo(minute.HighPrice));
            Assert.That(hour.CandleAccTradeVolume, Is.GreaterThan(minute.CandleAccTradeVolume));
        });
    }

    [Test]
    public void Candles_Pushed_AtMostOncePerSecondPerCodeAndInterval()
    {
        var candles = Run(5, 10, TimeSpan.FromMilliseconds(100)).OfType<Candle>().Where(c => c.Code == "KRW-XRP" && c.Interval == CandleInterval.OneSecond).ToList();

        Assert.That(candles, Has.Count.EqualTo(10));
        Assert.That(candles.Select(c => c.CandleDateTimeUtc), Is.Unique);
    }

    [Test]
    public void Orderbook_Level0_ThirtyTickAlignedLevelsAroundThePrice()
    {
        using var market = new MarketSimulator(new MarketSimulatorOptions(), new TestScheduler());

        var book = market.Orderbook("KRW-XRP")!;
        var trade = market.Trade("KRW-XRP");

        Assert.Multiple(() =>
        {
            Assert.That(book.Units, Has.Length.EqualTo(30));
            Assert.That(book.Units.Select(u => u.AskPrice), Is.Ordered.Ascending);
            Assert.That(book.Units.Select(u => u.BidPrice), Is.Ordered.Descending);
            Assert.That(book.Units[0].AskPrice - book.Units[0].BidPrice, Is.EqualTo(market.TickSize("KRW-XRP")));
            Assert.That(trade.TradePrice, Is.InRange(book.Units[0].BidPrice, book.Units[0].AskPrice));
            Assert.That(book.TotalBidSize, Is.EqualTo(book.Units.Sum(u => u.BidSize)));
            Assert.That(market.Orderbook("KRW-XRP", 30, 7m), Is.Null);
            Assert.That(market.Orderbook("BTC-ETH", 30, market.TickSize("BTC-ETH") * 10), Is.Null);
        });
    }

    [Test]
    public void SupportedLevels_PriceCrossesIntoALargerTick_StayAsListedAndEveryLevelHasABook()
    {
        // NB: with the default seed KRW-T1 starts below 10,000 KRW (tick 1) and rises past it (tick 10) within 100 trades.
        var scheduler = new TestScheduler();
        using var market = new MarketSimulator(new MarketSimulatorOptions { Codes = ["KRW-T1"], TickInterval = TimeSpan.FromMilliseconds(1) }, scheduler);
        var listed = market.SupportedLevels("KRW-T1");
        var tickBefore = market.TickSize("KRW-T1");

        for (var trades = 0; trades < 200 && market.TickSize("KRW-T1") == tickBefore; trades++)
        {
            scheduler.AdvanceBy(TimeSpan.TicksPerMillisecond);
        }

        Assert.Multiple(() =>
        {
            Assert.That((tickBefore, market.TickSize("KRW-T1")), Is.EqualTo((1m, 10m)));
            Assert.That(listed, Is.EqualTo(new[] { 0m, 10m, 100m, 1_000m, 10_000m, 100_000m }));
            Assert.That(market.SupportedLevels("KRW-T1"), Is.EqualTo(listed));
            Assert.That(listed.Select(level => market.Orderbook("KRW-T1", 2, level)?.Level), Is.EqualTo(listed));
        });
    }

    [Test]
    public void Messages_TradesPerTick_ScalesThroughput()
    {
        var options = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMilliseconds(1), TradesPerTick = 10 };
        var scheduler = new TestScheduler();
        using var market = new MarketSimulator(options, scheduler);
        var count = 0;
        using var _ = market.Messages.Subscribe(_ => count++);

        scheduler.AdvanceBy(s_second);

        Assert.That(count, Is.GreaterThan(100_000));
    }

    [Test]
    public void Constructor_LowerCaseCode_Throws()
    {
        Assert.That(() => new MarketSimulator(new MarketSimulatorOptions { Codes = ["krw-btc"] }, new TestScheduler()), Throws.ArgumentException);
    }

    private static List<UpbitMessage> Run(int seed, int seconds, TimeSpan? tick = null)
    {
        var scheduler = new TestScheduler();
        var options = new MarketSimulatorOptions { Seed = seed, TickInterval = tick ?? TimeSpan.FromMilliseconds(500) };
        using var market = new MarketSimulator(options, scheduler);
        var messages = new List<UpbitMessage>();
        using var _ = market.Messages.Subscribe(messages.Add);
        scheduler.AdvanceBy(seconds * s_second);
        return messages;
    }
}
