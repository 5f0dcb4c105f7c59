using System.Globalization;
using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>FrameDecoder on the recorded samples: every field exact.</summary>
public sealed partial class FrameDecoderTests
{
    [Test]
    public void TryDecode_TickerSnapshotSample_AllFieldsExact()
    {
        var ticker = Samples.DecodeSample<Ticker>(Samples.TickerSnapshot);

        Assert.That(ticker, Is.EqualTo(ExpectedRecords.TickerSnapshot));
    }

    [Test]
    public void TryDecode_TickerSnapshotSample_TrailingZerosKept()
    {
        var ticker = Samples.DecodeSample<Ticker>(Samples.TickerSnapshot);

        Assert.That(
            new[] { ticker.OpeningPrice, ticker.AccTradePrice, ticker.ChangePrice }.Select(d => d.ToString(CultureInfo.InvariantCulture)),
            Is.EqualTo(new[] { "158219000.00000000", "95078733694.3792000000000000", "1000.00000000" }));
    }

    [Test]
    public void TryDecode_TickerRealtimeSample_ZeroExponentAndIntegerZero()
    {
        var ticker = Samples.DecodeSample<Ticker>(Samples.TickerRealtime);

        Assert.That(
            (ticker.ChangePrice.ToString(CultureInfo.InvariantCulture), ticker.SignedChangePrice.ToString(CultureInfo.InvariantCulture), ticker.ChangeRate, ticker.Change, ticker.StreamType, ticker.TradePrice, ticker.AccTradePrice),
            Is.EqualTo(("0.00000000", "0.00000000", 0m, Change.Even, StreamType.Realtime, 158200000m, 95088751392.9099200000000000m)));
    }

    [Test]
    public void TryDecode_LegacyTicker2018_MarketKeyAsCodeAndUnknownStreamType()
    {
        var ticker = Samples.DecodeSample<Ticker>(Samples.TickerLegacy2018);

        Assert.That(ticker, Is.EqualTo(ExpectedRecords.TickerLegacy2018));
    }

    [Test]
    public void TryDecode_TradeSample_AllFieldsExact()
    {
        var trade = Samples.DecodeSample<Trade>(Samples.TradeBtc);

        Assert.That(trade, Is.EqualTo(ExpectedRecords.TradeBtc));
    }

    [Test]
    public void TryDecode_EthTradeSample_SequentialIdAndIntegerPrices()
    {
        var trade = Samples.DecodeSample<Trade>(Samples.TradeEth);

        Assert.That(
            (trade.Code, trade.SequentialId, trade.BestAskPrice, trade.BestBidPrice, trade.AskBid, trade.TradeTimestamp),
            Is.EqualTo(("KRW-ETH", 17877285516960000L, (decimal?)3427000m, (decimal?)3426000m, AskBid.Bid, 1787728551696L)));
    }

    [Test]
    public void TryDecode_OrderbookSample_AllFieldsAndThirtyUnitsExact()
    {
        var book = Samples.DecodeSample<Orderbook>(Samples.OrderbookBtc);

        var units = ExpectedOrderbookUnits.KrwBtcLevel10000
            .Select(u => new OrderbookUnit { AskPrice = u.AskPrice, BidPrice = u.BidPrice, AskSize = u.AskSize, BidSize = u.BidSize })
            .ToArray();
        var expected = new Orderbook
        {
            Code = "KRW-BTC",
            TotalAskSize = 18.93431797m,
            TotalBidSize = 11.48721726m,
            Units = units,
            Level = 10000m,
            Timestamp = 1787727947526,
            StreamType = StreamType.Snapshot,
        };
        Assert.That(book, Is.EqualTo(expected));
    }

    [Test]
    public void TryDecode_OrderbookSample_DesignSpreadExample()
    {
        var book = Samples.DecodeSample<Orderbook>(Samples.OrderbookEth);

        Assert.That((book.Units.Count, book.Units[0].AskPrice - book.Units[0].BidPrice, book.Level), Is.EqualTo((30, 1000m, (decimal?)0m)));
    }

    [Test]
    public void TryDecode_CandleSample_AllFieldsExact()
    {
        var candle = Samples.DecodeSample<Candle>(Samples.Candle1m);

        Assert.That(candle, Is.EqualTo(ExpectedRecords.Candle1m));
    }

    [Test]
    public void TryDecode_Candle15mSample_IntervalFromType()
    {
        var candle = Samples.DecodeSample<Candle>(Samples.Candle15m);

        Assert.That((candle.Interval, candle.CandleDateTimeUtc, candle.CandleAccTradePrice), Is.EqualTo((CandleInterval.FifteenMinutes, "2026-08-26T08:00:00", 398651814.32878m)));
    }

    [Test]
    public void TryDecode_MyOrderSample_AllFieldsExact()
    {
        var order = Samples.DecodeSample<MyOrder>(Samples.MyOrder);

        Assert.That(order, Is.EqualTo(ExpectedRecords.MyOrder));
    }

    [Test]
    public void TryDecode_MyAssetSample_AllFieldsExactWith27Digits()
    {
        var asset = Samples.DecodeSample<MyAsset>(Samples.MyAsset);

        Assert.That(asset, Is.EqualTo(ExpectedRecords.MyAsset));
        Assert.That(asset.Assets[0].Balance.ToString(CultureInfo.InvariantCulture), Is.EqualTo("1386929.37231066771348207123"));
    }

    [Test]
    public void TryDecode_AnnouncementSample_AllFieldsExact()
    {
        var announcement = Samples.DecodeSample<Announcement>(Samples.Announcement);

        Assert.That(announcement, Is.EqualTo(ExpectedRecords.Announcement));
    }

    [Test]
    public void TryDecode_StatusSample_ServerStatusUp()
    {
        Assert.That(Samples.DecodeSample<ServerStatus>(Samples.StatusUp), Is.EqualTo(new ServerStatus { Status = "UP" }));
    }

    [TestCase(Samples.ErrorInvalidAuth, "INVALID_AUTH", "인증 정보가 올바르지 않습니다.")]
    [TestCase(Samples.ErrorInvalidParam, "INVALID_PARAM", "nope 은 지원하지 않는 타입입니다.")]
    [TestCase(Samples.ErrorNoTicket, "NO_TICKET", "티켓이 존재하지 않거나, 유효하지 않습니다.")]
    [TestCase(Samples.ErrorWrongFormat, "WRONG_FORMAT", "Format 이 맞지 않습니다.")]
    public void TryDecode_ErrorSamples_NameAndMessageInEitherKeyOrder(string sample, string name, string message)
    {
        Assert.That(Samples.DecodeSample<ServerError>(sample), Is.EqualTo(new ServerError { Name = name, Message = message }));
    }

    [Test]
    public void TryDecode_ListSubscriptionsPublicSample_EntriesWithLevel()
    {
        Assert.That(Samples.DecodeSample<SubscriptionList>(Samples.ListPublic), Is.EqualTo(ExpectedRecords.ListPublic));
    }

    [Test]
    public void TryDecode_ListSubscriptionsPrivateSample_MyAssetWithoutCodes()
    {
        Assert.That(Samples.DecodeSample<SubscriptionList>(Samples.ListPrivate), Is.EqualTo(ExpectedRecords.ListPrivate));
    }
}
