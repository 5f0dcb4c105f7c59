namespace Upbit.Rx.Testing.Market;

/// <summary>One candle of a <see cref="CandleSeries"/>: its UTC window start, prices, totals, the time of its last
/// trade, and the previous close the first trade in it carried (a day candle's <c>prev_closing_price</c>).</summary>
internal readonly record struct CandleBar(
    DateTime Start, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal Value,
    long Timestamp, decimal PrevClose);
