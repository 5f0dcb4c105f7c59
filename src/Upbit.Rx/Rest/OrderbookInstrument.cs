namespace Upbit.Rx.Streams;

/// <summary>
/// How one pair's order book is quoted (<c>GET /v1/orderbook/instruments</c>,
/// <see cref="UpbitRestClient.GetOrderbookInstrumentsAsync"/>). Equality compares <see cref="SupportedLevels"/> element by element.
/// </summary>
public sealed record OrderbookInstrument
{
    /// <summary>The pair code (<c>market</c>).</summary>
    public required string Code { get; init; }

    /// <summary>The quote currency, for example <c>KRW</c> (<c>quote_currency</c>).</summary>
    public required string QuoteCurrency { get; init; }

    /// <summary>The price step (<c>tick_size</c>, sent as a string and read exactly).</summary>
    public required decimal TickSize { get; init; }

    /// <summary>The price-grouping levels an order book can be requested with (<c>supported_levels</c>; 0 = tick size).</summary>
    public required IReadOnlyList<decimal> SupportedLevels { get; init; }

    /// <inheritdoc/>
    public bool Equals(OrderbookInstrument? other) =>
        ReferenceEquals(this, other) ||
        (other is not null &&
         Code == other.Code &&
         QuoteCurrency == other.QuoteCurrency &&
         TickSize == other.TickSize &&
         SequenceEquality.Equals(SupportedLevels, other.SupportedLevels));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, QuoteCurrency, TickSize, SequenceEquality.GetHashCode(SupportedLevels));
}
