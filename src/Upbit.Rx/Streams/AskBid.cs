namespace Upbit.Rx.Streams;

/// <summary>Which side a trade or order is on (<c>ask_bid</c>, SIMPLE <c>ab</c>). For a trade it is the aggressor: <see cref="Bid"/> means a buyer took an ask.</summary>
public enum AskBid
{
    /// <summary>A value this library does not know yet (or none was sent); kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>ASK</c>: sell.</summary>
    Ask,

    /// <summary><c>BID</c>: buy.</summary>
    Bid,
}
