namespace Upbit.Rx.Rest;

/// <summary>Upbit's REST rate-limit groups for quotation endpoints; each allows 10 requests per second per IP.</summary>
internal enum RestGroup
{
    /// <summary><c>/v1/market/all</c>.</summary>
    Market,

    /// <summary><c>/v1/ticker</c>, <c>/v1/ticker/all</c>.</summary>
    Ticker,

    /// <summary><c>/v1/orderbook</c>, <c>/v1/orderbook/instruments</c>.</summary>
    Orderbook,

    /// <summary><c>/v1/trades/ticks</c> (the header names it <c>crix-trades</c>).</summary>
    Trades,

    /// <summary><c>/v1/candles/…</c>.</summary>
    Candles,
}
