namespace Upbit.Rx.Streams;

/// <summary>How an order is priced (<c>order_type</c>, SIMPLE <c>ot</c>).</summary>
public enum OrderType
{
    /// <summary>A value this library does not know yet (or none was sent); kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>limit</c>: a limit order at a given price.</summary>
    Limit,

    /// <summary><c>price</c>: a market buy for a given amount of quote currency.</summary>
    Price,

    /// <summary><c>market</c>: a market sell of a given volume.</summary>
    Market,

    /// <summary><c>best</c>: a limit order at the best available price.</summary>
    Best,
}
