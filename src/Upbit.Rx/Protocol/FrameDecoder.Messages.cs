using System.Runtime.InteropServices;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Protocol;

/// <content>One builder per data type; the field lists follow the protocol tables (§3.1–§3.7).</content>
internal sealed partial class FrameDecoder
{
    private Ticker BuildTicker() => new()
    {
        // NB: the 2018 layout names the pair 'market' and has no type, code or stream_type.
        Code = Has(FieldId.Code) || !Has(FieldId.Market) ? Text(FieldId.Code) : Text(FieldId.Market),
        OpeningPrice = Number(FieldId.OpeningPrice),
        HighPrice = Number(FieldId.HighPrice),
        LowPrice = Number(FieldId.LowPrice),
        TradePrice = Number(FieldId.TradePrice),
        PrevClosingPrice = Number(FieldId.PrevClosingPrice),
        Change = Choice(FieldId.Change, WireEnums.ParseChange),
        ChangePrice = Number(FieldId.ChangePrice),
        SignedChangePrice = Number(FieldId.SignedChangePrice),
        ChangeRate = Number(FieldId.ChangeRate),
        SignedChangeRate = Number(FieldId.SignedChangeRate),
        TradeVolume = Number(FieldId.TradeVolume),
        AccTradeVolume = Number(FieldId.AccTradeVolume),
        AccTradeVolume24h = Number(FieldId.AccTradeVolume24h),
        AccTradePrice = Number(FieldId.AccTradePrice),
        AccTradePrice24h = Number(FieldId.AccTradePrice24h),
        TradeDate = Text(FieldId.TradeDate),
        TradeTime = Text(FieldId.TradeTime),
        TradeTimestamp = Integer(FieldId.TradeTimestamp),
        AskBid = Choice(FieldId.AskBid, WireEnums.ParseAskBid),
        AccAskVolume = Number(FieldId.AccAskVolume),
        AccBidVolume = Number(FieldId.AccBidVolume),
        Highest52WeekPrice = Number(FieldId.Highest52WeekPrice),
        Highest52WeekDate = Text(FieldId.Highest52WeekDate),
        Lowest52WeekPrice = Number(FieldId.Lowest52WeekPrice),
        Lowest52WeekDate = Text(FieldId.Lowest52WeekDate),
        MarketState = Choice(FieldId.MarketState, WireEnums.ParseMarketState),
        IsTradingSuspended = OptionalBoolean(FieldId.IsTradingSuspended),
        DelistingDate = OptionalText(FieldId.DelistingDate),
        MarketWarning = OptionalChoice(FieldId.MarketWarning, WireEnums.ParseMarketWarning),
        Timestamp = Integer(FieldId.Timestamp),
        StreamType = StreamTypeOrUnknown(),
    };

    private Trade BuildTrade() => new()
    {
        Code = Text(FieldId.Code),
        TradePrice = Number(FieldId.TradePrice),
        TradeVolume = Number(FieldId.TradeVolume),
        AskBid = Choice(FieldId.AskBid, WireEnums.ParseAskBid),
        PrevClosingPrice = Number(FieldId.PrevClosingPrice),
        Change = Choice(FieldId.Change, WireEnums.ParseChange),
        ChangePrice = Number(FieldId.ChangePrice),
        TradeDate = Text(FieldId.TradeDate),
        TradeTime = Text(FieldId.TradeTime),
        TradeTimestamp = Integer(FieldId.TradeTimestamp),
        Timestamp = Integer(FieldId.Timestamp),
        SequentialId = Integer(FieldId.SequentialId),
        BestAskPrice = OptionalNumber(FieldId.BestAskPrice),
        BestAskSize = OptionalNumber(FieldId.BestAskSize),
        BestBidPrice = OptionalNumber(FieldId.BestBidPrice),
        BestBidSize = OptionalNumber(FieldId.BestBidSize),
        StreamType = StreamTypeOrUnknown(),
    };

    private Orderbook BuildOrderbook() => new()
    {
        Code = Text(FieldId.Code),
        TotalAskSize = Number(FieldId.TotalAskSize),
        TotalBidSize = Number(FieldId.TotalBidSize),
        // NB: wraps the array ReadUnits made for this book alone (no copy); nothing else keeps a reference to write through.
        Units = ImmutableCollectionsMarshal.AsImmutableArray(List<OrderbookUnit>(FieldId.OrderbookUnits)),
        Level = OptionalNumber(FieldId.Level),
        Timestamp = Integer(FieldId.Timestamp),
        StreamType = StreamTypeOrUnknown(),
    };

    private Candle BuildCandle(CandleInterval interval) => new()
    {
        Code = Text(FieldId.Code),
        Interval = interval,
        CandleDateTimeUtc = Text(FieldId.CandleDateTimeUtc),
        CandleDateTimeKst = Text(FieldId.CandleDateTimeKst),
        OpeningPrice = Number(FieldId.OpeningPrice),
        HighPrice = Number(FieldId.HighPrice),
        LowPrice = Number(FieldId.LowPrice),
        TradePrice = Number(FieldId.TradePrice),
        CandleAccTradeVolume = Number(FieldId.CandleAccTradeVolume),
        CandleAccTradePrice = Number(FieldId.CandleAccTradePrice),
        Timestamp = Integer(FieldId.Timestamp),
        StreamType = StreamTypeOrUnknown(),
    };

    private MyOrder BuildMyOrder() => new()
    {
        Code = Text(FieldId.Code),
        Uuid = Text(FieldId.Uuid),
        AskBid = Choice(FieldId.AskBid, WireEnums.ParseAskBid),
        OrderType = Choice(FieldId.OrderType, WireEnums.ParseOrderType),
        State = Choice(FieldId.State, WireEnums.ParseOrderState),
        TradeUuid = OptionalText(FieldId.TradeUuid),
        Price = OptionalNumber(FieldId.Price),
        AvgPrice = OptionalNumber(FieldId.AvgPrice),
        Volume = OptionalNumber(FieldId.Volume),
        RemainingVolume = OptionalNumber(FieldId.RemainingVolume),
        ExecutedVolume = OptionalNumber(FieldId.ExecutedVolume),
        TradesCount = (int)Integer(FieldId.TradesCount),
        ReservedFee = OptionalNumber(FieldId.ReservedFee),
        RemainingFee = OptionalNumber(FieldId.RemainingFee),
        PaidFee = OptionalNumber(FieldId.PaidFee),
        Locked = OptionalNumber(FieldId.Locked),
        ExecutedFunds = OptionalNumber(FieldId.ExecutedFunds),
        TimeInForce = OptionalChoice(FieldId.TimeInForce, WireEnums.ParseTimeInForce),
        TradeFee = OptionalNumber(FieldId.TradeFee),
        IsMaker = OptionalBoolean(FieldId.IsMaker),
        Identifier = OptionalText(FieldId.Identifier),
        SmpType = OptionalChoice(FieldId.SmpType, WireEnums.ParseSmpType),
        PreventedVolume = OptionalNumber(FieldId.PreventedVolume),
        PreventedLocked = OptionalNumber(FieldId.PreventedLocked),
        TradeTimestamp = OptionalInteger(FieldId.TradeTimestamp),
        OrderTimestamp = Integer(FieldId.OrderTimestamp),
        Timestamp = Integer(FieldId.Timestamp),
        StreamType = StreamTypeOrUnknown(),
    };

    private MyAsset BuildMyAsset() => new()
    {
        AssetUuid = Text(FieldId.AssetUuid),
        Assets = List<MyAssetBalance>(FieldId.Assets),
        AssetTimestamp = Integer(FieldId.AssetTimestamp),
        Timestamp = Integer(FieldId.Timestamp),
        StreamType = StreamTypeOrUnknown(),
    };

    private Announcement BuildAnnouncement() => new()
    {
        EventType = Choice(FieldId.EventType, WireEnums.ParseAnnouncementEventType),
        Uuid = Text(FieldId.Uuid),
        Title = Text(FieldId.Title),
        Category = Text(FieldId.Category),
        Url = Text(FieldId.Url),
        FirstListedAt = Text(FieldId.FirstListedAt),
        ListedAt = Text(FieldId.ListedAt),
        Timestamp = Integer(FieldId.Timestamp),
        StreamType = StreamTypeOrUnknown(),
        Body = OptionalText(FieldId.Body),
    };
}
