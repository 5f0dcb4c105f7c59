using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>What Upbit may add or change: unknown keys, types and enum text, missing optional fields.</summary>
public sealed partial class FrameDecoderTests
{
    [Test]
    public void TryDecode_UnknownKeysWithNestedValues_Skipped()
    {
        var json = """{"x":{"y":[1,{"z":[2,{"w":null}]}]},"status":"UP","vv":[1,"two",3.5E-1],"zz":"later"}""";

        Assert.That(Samples.DecodeOne(json), Is.EqualTo(new ServerStatus { Status = "UP" }));
    }

    [Test]
    public void TryDecode_UnknownFieldsInsideUnits_Skipped()
    {
        var json = """{"ty":"orderbook","cd":"KRW-BTC","tas":1,"tbs":2,"tms":3,"obu":[{"new":{"a":[1]},"ap":10,"bp":9,"as":1,"bs":2,"more":[]}],"st":"REALTIME"}""";

        var book = (Orderbook)Samples.DecodeOne(json);

        Assert.That(book.Units, Is.EqualTo(new[] { new OrderbookUnit { AskPrice = 10m, BidPrice = 9m, AskSize = 1m, BidSize = 2m } }));
    }

    [Test]
    public void TryDecode_UnknownType_UnknownMessageWithFieldsSkipped()
    {
        var json = """{"code":"KRW-BTC","values":{"rsi":[1,2]},"type":"indicator","timestamp":1}""";

        Assert.That(Samples.DecodeOne(json), Is.EqualTo(new UnknownMessage { Type = "indicator" }));
    }

    [Test]
    public void TryDecode_UnknownCandleInterval_UnknownMessage()
    {
        Assert.That(Samples.DecodeOne(SimpleCandle.Replace("candle.1m", "candle.2m", StringComparison.Ordinal)), Is.EqualTo(new UnknownMessage { Type = "candle.2m" }));
    }

    [Test]
    public void TryDecode_UnknownEnumText_UnknownMembers()
    {
        var json = SimpleMyOrder
            .Replace("\"s\":\"trade\"", "\"s\":\"frozen\"", StringComparison.Ordinal)
            .Replace("\"ot\":\"limit\"", "\"ot\":\"iceberg\"", StringComparison.Ordinal)
            .Replace("\"ab\":\"BID\"", "\"ab\":\"bid\"", StringComparison.Ordinal)
            .Replace("\"smpt\":\"cancel_maker\"", "\"smpt\":\"cancel_both\"", StringComparison.Ordinal)
            .Replace("\"tif\":null", "\"tif\":\"gtd\"", StringComparison.Ordinal)
            .Replace("\"st\":\"REALTIME\"", "\"st\":\"DELAYED\"", StringComparison.Ordinal);

        var order = (MyOrder)Samples.DecodeOne(json);

        Assert.That(
            (order.State, order.OrderType, order.AskBid, order.SmpType, order.TimeInForce, order.StreamType),
            Is.EqualTo((OrderState.Unknown, OrderType.Unknown, AskBid.Unknown, (SmpType?)SmpType.Unknown, (TimeInForce?)TimeInForce.Unknown, StreamType.Unknown)));
    }

    [Test]
    public void TryDecode_TypeKeyLast_StillDispatched()
    {
        var json = """{"cd":"KRW-BTC","cdttmu":"2026-08-26T08:08:00","cdttmk":"2026-08-26T17:08:00","op":109715000.0,"hp":109756000.0,"lp":109714000.0,"tp":109756000.0,"catv":0.71326612,"catp":78269528.64757,"tms":1787731717049,"st":"SNAPSHOT","ty":"candle.1m"}""";

        Assert.That(Samples.DecodeOne(json), Is.EqualTo(ExpectedRecords.Candle1m));
    }

    [Test]
    public void TryDecode_TradeWithoutBestFields_NullBestPrices()
    {
        var json = """{"ty":"trade","cd":"KRW-BTC","tms":1,"td":"2022-01-01","ttm":"00:00:00","ttms":1,"tp":1,"tv":1,"ab":"ASK","pcp":1,"c":"EVEN","cp":0,"sid":5,"st":"REALTIME"}""";

        var trade = (Trade)Samples.DecodeOne(json);

        Assert.That((trade.BestAskPrice, trade.BestAskSize, trade.BestBidPrice, trade.BestBidSize), Is.EqualTo(((decimal?)null, (decimal?)null, (decimal?)null, (decimal?)null)));
    }

    [Test]
    public void TryDecode_OrderbookWithoutLevel_NullLevel()
    {
        var json = """{"ty":"orderbook","cd":"IDR-BTC","tas":1,"tbs":2,"tms":3,"obu":[],"st":"SNAPSHOT"}""";

        var book = (Orderbook)Samples.DecodeOne(json);

        Assert.That((book.Level, book.Units.Length), Is.EqualTo(((decimal?)null, 0)));
    }

    [Test]
    public void TryDecode_TickerWithoutDeprecatedFieldsAndEmptyDelistingDate_NullsAndEmptyText()
    {
        var json = SimpleTicker
            .Replace("\"its\":false,", string.Empty, StringComparison.Ordinal)
            .Replace("\"mw\":\"NONE\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"dd\":null", "\"dd\":\"\"", StringComparison.Ordinal);

        var ticker = (Ticker)Samples.DecodeOne(json);

        Assert.That(ticker, Is.EqualTo(ExpectedRecords.TickerSnapshot with { IsTradingSuspended = null, MarketWarning = null, DelistingDate = string.Empty }));
    }

    [Test]
    public void TryDecode_MyOrderMarketBuyWaiting_NullVolumes()
    {
        var json = """{"type":"myOrder","code":"KRW-BTC","uuid":"u","ask_bid":"BID","order_type":"price","state":"wait","trade_uuid":null,"price":10000,"avg_price":0,"volume":null,"remaining_volume":null,"executed_volume":null,"trades_count":0,"reserved_fee":5,"remaining_fee":5,"paid_fee":0,"locked":10005,"executed_funds":0,"time_in_force":null,"trade_fee":null,"is_maker":null,"identifier":null,"smp_type":null,"prevented_volume":0,"prevented_locked":0,"trade_timestamp":null,"order_timestamp":1710751590000,"timestamp":1710751590001,"stream_type":"REALTIME"}""";

        var order = (MyOrder)Samples.DecodeOne(json);

        Assert.That(
            (order.OrderType, order.State, order.Volume, order.ExecutedVolume, order.TradeUuid, order.IsMaker, order.TradeTimestamp, order.TradedAt),
            Is.EqualTo((OrderType.Price, OrderState.Wait, (decimal?)null, (decimal?)null, (string?)null, (bool?)null, (long?)null, (DateTimeOffset?)null)));
    }

    [Test]
    public void TryDecode_NumericErrorNameAndTicket_KeptAsText()
    {
        Assert.That(
            Samples.DecodeAll("""[{"error":{"name":400,"message":"Invalid parameter."}},{"method":"LIST_SUBSCRIPTIONS","result":[],"ticket":12345}]"""u8.ToArray()),
            Is.EqualTo(new UpbitMessage[] { new ServerError { Name = "400", Message = "Invalid parameter." }, new SubscriptionList { Ticket = "12345", Entries = [] } }));
    }

    [Test]
    public void TryDecode_Utf8ByteOrderMark_Skipped()
    {
        Assert.That(Samples.DecodeOne([0xEF, 0xBB, 0xBF, .. """{"status":"UP"}"""u8]), Is.EqualTo(new ServerStatus { Status = "UP" }));
    }
}
