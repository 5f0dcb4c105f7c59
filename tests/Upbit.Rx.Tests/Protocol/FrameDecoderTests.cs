using System.Collections.Immutable;
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
    public void TryDecode_TickerRealtimeSample_AllFieldsExact()
    {
        var ticker = Samples.DecodeSample<Ticker>(Samples.TickerRealtime);

        var expected = ExpectedRecords.TickerSnapshot with
        {
            TradePrice = 158200000.00000000m,
            AccTradePrice = 95088751392.9099200000000000m,
            Change = Change.Even,
            ChangePrice = 0.00000000m,
            SignedChangePrice = 0.00000000m,
            ChangeRate = 0m,
            SignedChangeRate = 0m,
            AskBid = AskBid.Ask,
            TradeVolume = 0.00011188m,
            AccTradeVolume = 600.09226312m,
            TradeTime = "082646",
            TradeTimestamp = 1758875206936,
            AccAskVolume = 341.67996226m,
            AccBidVolume = 258.41230086m,
            Timestamp = 1758875206974,
            AccTradePrice24h = 331188513477.17233m,
            AccTradeVolume24h = 2083.83396972m,
            StreamType = StreamType.Realtime,
        };
        Assert.That(ticker, Is.EqualTo(expected));
    }

    [Test]
    public void TryDecode_TickerRealtimeSample_ZeroExponentKeepsScale()
    {
        var ticker = Samples.DecodeSample<Ticker>(Samples.TickerRealtime);

        Assert.That(
            (ticker.ChangePrice.ToString(CultureInfo.InvariantCulture), ticker.SignedChangePrice.ToString(CultureInfo.InvariantCulture), ticker.ChangeRate.ToString(CultureInfo.InvariantCulture)),
            Is.EqualTo(("0.00000000", "0.00000000", "0")));
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
    public void TryDecode_EthTradeSample_AllFieldsExact()
    {
        var trade = Samples.DecodeSample<Trade>(Samples.TradeEth);

        var expected = new Trade
        {
            Code = "KRW-ETH",
            TradePrice = 3427000.0m,
            TradeVolume = 0.00883869m,
            AskBid = AskBid.Bid,
            PrevClosingPrice = 3394000.0m,
            Change = Change.Rise,
            ChangePrice = 33000.0m,
            TradeDate = "2026-08-26",
            TradeTime = "07:15:51",
            TradeTimestamp = 1787728551696,
            Timestamp = 1787728551752,
            SequentialId = 17877285516960000,
            BestAskPrice = 3427000m,
            BestAskSize = 1.12778516m,
            BestBidPrice = 3426000m,
            BestBidSize = 10.05419423m,
            StreamType = StreamType.Snapshot,
        };
        Assert.That(trade, Is.EqualTo(expected));
    }

    [Test]
    public void TryDecode_OrderbookSample_AllFieldsAndThirtyUnitsExact()
    {
        var book = Samples.DecodeSample<Orderbook>(Samples.OrderbookBtc);

        Assert.That(book, Is.EqualTo(ExpectedRecords.OrderbookBtc));
    }

    [Test]
    public void TryDecode_EthOrderbookSample_AllFieldsAndThirtyUnitsExact()
    {
        var book = Samples.DecodeSample<Orderbook>(Samples.OrderbookEth);

        var expected = new Orderbook
        {
            Code = "KRW-ETH",
            TotalAskSize = 1075.24704782m,
            TotalBidSize = 612.45477499m,
            Units = ExpectedOrderbookUnits.KrwEthLevel0
                .Select(u => new OrderbookUnit { AskPrice = u.AskPrice, BidPrice = u.BidPrice, AskSize = u.AskSize, BidSize = u.BidSize })
                .ToImmutableArray(),
            Level = 0m,
            Timestamp = 1787727947404,
            StreamType = StreamType.Snapshot,
        };
        Assert.That((book, book.Units[0].AskPrice - book.Units[0].BidPrice), Is.EqualTo((expected, 1000m)));
    }

    [Test]
    public void TryDecode_CandleSample_AllFieldsExact()
    {
        var candle = Samples.DecodeSample<Candle>(Samples.Candle1m);

        Assert.That(candle, Is.EqualTo(ExpectedRecords.Candle1m));
    }

    [Test]
    public void TryDecode_Candle15mSample_AllFieldsExactIntervalFromType()
    {
        var candle = Samples.DecodeSample<Candle>(Samples.Candle15m);

        var expected = ExpectedRecords.Candle1m with
        {
            Interval = CandleInterval.FifteenMinutes,
            CandleDateTimeUtc = "2026-08-26T08:00:00",
            CandleDateTimeKst = "2026-08-26T17:00:00",
            OpeningPrice = 109753000.0m,
            LowPrice = 109667000.0m,
            CandleAccTradeVolume = 3.63363563m,
            CandleAccTradePrice = 398651814.32878m,
        };
        Assert.That(candle, Is.EqualTo(expected));
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
