using Upbit.Rx.Streams;

namespace Upbit.Rx.Subscriptions;

/// <summary>
/// Compares a state polled over REST (<see cref="StreamType.Rest"/>) with one from the socket: each source leaves some
/// fields out (REST has no ask/bid split, market state or deprecated flags; only REST has the KST trade date and the
/// day-candle change fields), so a REST ticker never equals the socket's ticker of the same moment as a whole record.
/// <c>Common</c> keeps only the fields both carry, and drops the send <c>timestamp</c> (REST stamps a book with the time
/// it answered, so two polls of an unchanged book differ only there), so the duplicate filter works across a switch of
/// source in either direction and between two polls.
/// </summary>
internal static class CrossSource
{
    /// <summary>Whether either of the two came from REST.</summary>
    public static bool Involved(IMarketMessage a, IMarketMessage b) => a.StreamType == StreamType.Rest || b.StreamType == StreamType.Rest;

    /// <summary>The ticker with every field only one source carries, and the send time, cleared.</summary>
    public static Ticker Common(Ticker t) => t with
    {
        StreamType = StreamType.Rest,
        Timestamp = 0,
        TradeDateKst = null,
        TradeTimeKst = null,
        AskBid = AskBid.Unknown,
        AccAskVolume = null,
        AccBidVolume = null,
        MarketState = MarketState.Unknown,
        IsTradingSuspended = null,
        DelistingDate = null,
        MarketWarning = null,
    };

    /// <summary>The order book as both sources carry it (the level may be absent from either), without the send time.</summary>
    public static Orderbook Common(Orderbook o) => o with { StreamType = StreamType.Rest, Timestamp = 0, Level = o.Level ?? 0m };

    /// <summary>The candle without the REST-only fields and the send time.</summary>
    public static Candle Common(Candle c) => c with
    {
        StreamType = StreamType.Rest,
        Timestamp = 0,
        PrevClosingPrice = null,
        ChangePrice = null,
        ChangeRate = null,
        ConvertedTradePrice = null,
        FirstDayOfPeriod = null,
    };
}
