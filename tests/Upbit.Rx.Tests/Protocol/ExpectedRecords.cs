using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>Every field of the recorded samples, typed out by hand from the files.</summary>
internal static class ExpectedRecords
{
    public static Ticker TickerSnapshot => new()
    {
        Code = "KRW-BTC",
        OpeningPrice = 158219000.00000000m,
        HighPrice = 159278000.00000000m,
        LowPrice = 157588000.00000000m,
        TradePrice = 158201000.00000000m,
        PrevClosingPrice = 158200000.00000000m,
        Change = Change.Rise,
        ChangePrice = 1000.00000000m,
        SignedChangePrice = 1000.00000000m,
        ChangeRate = 0.0000063211m,
        SignedChangeRate = 0.0000063211m,
        TradeVolume = 0.00006321m,
        AccTradeVolume = 600.02894052m,
        AccTradeVolume24h = 2083.82485091m,
        AccTradePrice = 95078733694.3792000000000000m,
        AccTradePrice24h = 331187169240.21526m,
        TradeDate = "20250926",
        TradeTime = "082645",
        TradeTimestamp = 1758875205145,
        AskBid = AskBid.Bid,
        AccAskVolume = 341.67985038m,
        AccBidVolume = 258.34909014m,
        Highest52WeekPrice = 169900000.00000000m,
        Highest52WeekDate = "2025-08-14",
        Lowest52WeekPrice = 80635000.00000000m,
        Lowest52WeekDate = "2024-10-10",
        MarketState = MarketState.Active,
        IsTradingSuspended = false,
        DelistingDate = null,
        MarketWarning = MarketWarning.None,
        Timestamp = 1758875205276,
        StreamType = StreamType.Snapshot,
    };

    public static Ticker TickerLegacy2018 => new()
    {
        Code = "KRW-BTC",
        OpeningPrice = 8450000m,
        HighPrice = 8679000m,
        LowPrice = 8445000m,
        TradePrice = 8629000m,
        PrevClosingPrice = 8450000m,
        Change = Change.Rise,
        ChangePrice = 179000m,
        SignedChangePrice = 179000m,
        ChangeRate = 0.0211834320m,
        SignedChangeRate = 0.0211834320m,
        TradeVolume = 0.0105675m,
        AccTradeVolume = 12312.36058857m,
        AccTradeVolume24h = 6448.96200341m,
        AccTradePrice = 105514711074.18726000m,
        AccTradePrice24h = 55330325803.78210000m,
        TradeDate = "20180418",
        TradeTime = "100729",
        TradeTimestamp = 1524046049000,
        AskBid = AskBid.Ask,
        AccAskVolume = 5703.42273172m,
        AccBidVolume = 6608.93785685m,
        Highest52WeekPrice = 28885000m,
        Highest52WeekDate = "2018-01-06",
        Lowest52WeekPrice = 3286000m,
        Lowest52WeekDate = "2017-09-15",
        MarketState = MarketState.Active,
        IsTradingSuspended = false,
        DelistingDate = null,
        MarketWarning = MarketWarning.None,
        Timestamp = 1524046049766,
        StreamType = StreamType.Unknown,
    };

    public static Trade TradeBtc => new()
    {
        Code = "KRW-BTC",
        TradePrice = 109847000.0m,
        TradeVolume = 0.00509799m,
        AskBid = AskBid.Ask,
        PrevClosingPrice = 109165000.0m,
        Change = Change.Rise,
        ChangePrice = 682000.0m,
        TradeDate = "2026-08-26",
        TradeTime = "07:15:54",
        TradeTimestamp = 1787728554797,
        Timestamp = 1787728554853,
        SequentialId = 17877285547970000,
        BestAskPrice = 109867000m,
        BestAskSize = 0.0099545m,
        BestBidPrice = 109847000m,
        BestBidSize = 0.1583673m,
        StreamType = StreamType.Snapshot,
    };

    public static Orderbook OrderbookBtc => new()
    {
        Code = "KRW-BTC",
        TotalAskSize = 18.93431797m,
        TotalBidSize = 11.48721726m,
        Units = [.. ExpectedOrderbookUnits.KrwBtcLevel10000.Select(u => new OrderbookUnit { AskPrice = u.AskPrice, BidPrice = u.BidPrice, AskSize = u.AskSize, BidSize = u.BidSize })],
        Level = 10000m,
        Timestamp = 1787727947526,
        StreamType = StreamType.Snapshot,
    };

    public static Candle Candle1m => new()
    {
        Code = "KRW-BTC",
        Interval = CandleInterval.OneMinute,
        CandleDateTimeUtc = "2026-08-26T08:08:00",
        CandleDateTimeKst = "2026-08-26T17:08:00",
        OpeningPrice = 109715000.0m,
        HighPrice = 109756000.0m,
        LowPrice = 109714000.0m,
        TradePrice = 109756000.0m,
        CandleAccTradeVolume = 0.71326612m,
        CandleAccTradePrice = 78269528.64757m,
        Timestamp = 1787731717049,
        StreamType = StreamType.Snapshot,
    };

    public static MyOrder MyOrder => new()
    {
        Code = "KRW-BTC",
        Uuid = "ac2dc2a3-fce9-40a2-a4f6-5987c25c438f",
        AskBid = AskBid.Bid,
        OrderType = OrderType.Limit,
        State = OrderState.Trade,
        TradeUuid = "68315169-fba4-4175-ade3-aff14a616657",
        Price = 0.001453m,
        AvgPrice = 0.00145372m,
        Volume = 30925891.29839369m,
        RemainingVolume = 29968038.09235948m,
        ExecutedVolume = 30925891.29839369m,
        TradesCount = 1,
        ReservedFee = 44.23943970238218m,
        RemainingFee = 21.77177967409916m,
        PaidFee = 22.467660028283017m,
        Locked = 43565.33112787242m,
        ExecutedFunds = 44935.32005656603m,
        TimeInForce = null,
        TradeFee = 22.467660028283017m,
        IsMaker = true,
        Identifier = "test-1",
        SmpType = SmpType.CancelMaker,
        PreventedVolume = 1.174291929m,
        PreventedLocked = 0.001706246173m,
        TradeTimestamp = 1710751590421,
        OrderTimestamp = 1710751590000,
        Timestamp = 1710751597500,
        StreamType = StreamType.Realtime,
    };

    public static MyAsset MyAsset => new()
    {
        AssetUuid = "e635f223-1609-4969-8fb6-4376937baad6",
        Assets = [new MyAssetBalance { Currency = "KRW", Balance = 1386929.37231066771348207123m, Locked = 10329.670127489597585685m }],
        AssetTimestamp = 1710146517259,
        Timestamp = 1710146517267,
        StreamType = StreamType.Realtime,
    };

    public static Announcement Announcement => new()
    {
        EventType = AnnouncementEventType.Created,
        Uuid = "562593104",
        Title = "[거래] 신규 거래 지원 안내 ...",
        Category = "trade",
        Url = "https://www.upbit.com/service_center/notice?id=562593104&view=share",
        FirstListedAt = "2026-07-14T16:36:34+09:00",
        ListedAt = "2026-07-14T16:36:34+09:00",
        Timestamp = 1752566400123,
        StreamType = StreamType.Realtime,
        Body = null,
    };

    public static SubscriptionList ListPublic => new()
    {
        Ticket = "unique uuid",
        Entries =
        [
            new SubscriptionListEntry { Type = "ticker", Codes = ["KRW-BTC", "KRW-ETH"], Level = null },
            new SubscriptionListEntry { Type = "orderbook", Codes = ["KRW-BTC", "KRW-ETH"], Level = 0m },
        ],
    };

    public static SubscriptionList ListPrivate => new()
    {
        Ticket = "unique uuid",
        Entries =
        [
            new SubscriptionListEntry { Type = "myAsset", Codes = null, Level = null },
            new SubscriptionListEntry { Type = "myOrder", Codes = ["KRW-BTC", "KRW-ETH"], Level = null },
        ],
    };
}
