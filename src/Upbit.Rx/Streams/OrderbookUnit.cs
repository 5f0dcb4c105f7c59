namespace Upbit.Rx.Streams;

/// <summary>
/// One level of an <see cref="Orderbook"/>: the i-th best ask paired with the i-th best bid. A value: equality compares
/// the four numbers (as <see cref="decimal"/>, so <c>1.0</c> equals <c>1.00</c>), and a book's units live inline in one
/// array per book (see docs/decisions/0008-orderbook-units-immutable-array.md).
/// </summary>
public readonly record struct OrderbookUnit
{
    /// <summary>The ask price (<c>ask_price</c>, SIMPLE <c>ap</c>); 0 when this side has no level here.</summary>
    public required decimal AskPrice { get; init; }

    /// <summary>The bid price (<c>bid_price</c>, SIMPLE <c>bp</c>); 0 when this side has no level here.</summary>
    public required decimal BidPrice { get; init; }

    /// <summary>The size at the ask price (<c>ask_size</c>, SIMPLE <c>as</c>).</summary>
    public required decimal AskSize { get; init; }

    /// <summary>The size at the bid price (<c>bid_size</c>, SIMPLE <c>bs</c>).</summary>
    public required decimal BidSize { get; init; }

    /// <summary>
    /// Whether both sides are padding (every price and size 0, which is also what <see langword="default"/> holds); the
    /// decoder drops such units.
    /// </summary>
    public bool IsPadding => AskPrice == 0m && BidPrice == 0m && AskSize == 0m && BidSize == 0m;
}
