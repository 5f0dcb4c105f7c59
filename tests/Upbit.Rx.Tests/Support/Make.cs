using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Support;

/// <summary>Small valid records for tests that are about routing, not about field values.</summary>
internal static class Make
{
    public static Ticker Ticker(string code, decimal price, long timestamp, StreamType type = StreamType.Realtime) => new()
    {
        Code = code,
        OpeningPrice = price,
        HighPrice = price,
        LowPrice = price,
        TradePrice = price,
        PrevClosingPrice = price,
        Change = Change.Even,
        ChangePrice = 0m,
        SignedChangePrice = 0m,
        ChangeRate = 0m,
        SignedChangeRate = 0m,
        TradeVolume = 1m,
        AccTradeVolume = 1m,
        AccTradeVolume24h = 1m,
        AccTradePrice = price,
        AccTradePrice24h = price,
        TradeDate = "20260101",
        TradeTime = "000000",
        TradeTimestamp = timestamp,
        AskBid = AskBid.Bid,
        AccAskVolume = 0m,
        AccBidVolume = 1m,
        Highest52WeekPrice = price,
        Highest52WeekDate = "2026-01-01",
        Lowest52WeekPrice = price,
        Lowest52WeekDate = "2026-01-01",
        MarketState = MarketState.Active,
        IsTradingSuspended = false,
        DelistingDate = null,
        MarketWarning = null,
        Timestamp = timestamp,
        StreamType = type,
    };

    public static Trade Trade(string code, long sequentialId, long timestamp, decimal price = 100m, StreamType type = StreamType.Realtime) => new()
    {
        Code = code,
        TradePrice = price,
        TradeVolume = 0.5m,
        AskBid = AskBid.Ask,
        PrevClosingPrice = price,
        Change = Change.Even,
        ChangePrice = 0m,
        TradeDate = "2026-01-01",
        TradeTime = "00:00:00",
        TradeTimestamp = timestamp,
        Timestamp = timestamp,
        SequentialId = sequentialId,
        BestAskPrice = null,
        BestAskSize = null,
        BestBidPrice = null,
        BestBidSize = null,
        StreamType = type,
    };

    public static Orderbook Orderbook(string code, int units, long timestamp, decimal level = 0m, StreamType type = StreamType.Realtime) => new()
    {
        Code = code,
        TotalAskSize = units,
        TotalBidSize = units,
        Units = [.. Enumerable.Range(0, units).Select(i => new OrderbookUnit { AskPrice = 1000m + i, BidPrice = 999m - i, AskSize = 1m, BidSize = 1m })],
        Level = level,
        Timestamp = timestamp,
        StreamType = type,
    };
}
