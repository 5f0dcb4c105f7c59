namespace Upbit.Rx.Streams;

/// <summary>
/// A complete order book for one pair (<c>type</c> = <c>orderbook</c>). Every frame replaces the whole book: there
/// are no deltas. Equality compares <see cref="Units"/> element by element.
/// </summary>
public sealed record Orderbook : UpbitMessage, IMarketMessage
{
    /// <inheritdoc/>
    public required string Code { get; init; }

    /// <summary>The total ask size (<c>total_ask_size</c>).</summary>
    public required decimal TotalAskSize { get; init; }

    /// <summary>The total bid size (<c>total_bid_size</c>).</summary>
    public required decimal TotalBidSize { get; init; }

    /// <summary>
    /// The levels, best first (<c>orderbook_units</c>). Units Upbit pads a thin book with (every price and size 0)
    /// are dropped, so the count can be below the requested 1, 5, 15 or 30.
    /// </summary>
    public required IReadOnlyList<OrderbookUnit> Units { get; init; }

    /// <summary>The price-grouping unit (<c>level</c>; 0 = tick size); <see langword="null"/> when the host does not send it.</summary>
    public required decimal? Level { get; init; }

    /// <inheritdoc/>
    public required long Timestamp { get; init; }

    /// <inheritdoc/>
    public required StreamType StreamType { get; init; }

    /// <summary><see cref="Timestamp"/> as a UTC instant.</summary>
    public DateTimeOffset Time => UnixMilliseconds.ToTime(Timestamp);

    /// <inheritdoc/>
    public bool Equals(Orderbook? other) =>
        ReferenceEquals(this, other) ||
        (base.Equals(other) &&
         Code == other.Code &&
         TotalAskSize == other.TotalAskSize &&
         TotalBidSize == other.TotalBidSize &&
         SequenceEquality.Equals(Units, other.Units) &&
         Level == other.Level &&
         Timestamp == other.Timestamp &&
         StreamType == other.StreamType);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Code, TotalAskSize, TotalBidSize, SequenceEquality.GetHashCode(Units), Level, Timestamp, StreamType);
}
