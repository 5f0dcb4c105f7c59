using System.Collections.Immutable;

namespace Upbit.Rx.Streams;

/// <summary>
/// A complete order book for one pair (<c>type</c> = <c>orderbook</c>). Every frame replaces the whole book: there
/// are no deltas. Equality compares <see cref="Units"/> element by element, without allocating.
/// </summary>
public sealed record Orderbook : UpbitMessage, IMarketMessage
{
    private readonly ImmutableArray<OrderbookUnit> _units = [];

    /// <inheritdoc/>
    public required string Code { get; init; }

    /// <summary>The total ask size (<c>total_ask_size</c>).</summary>
    public required decimal TotalAskSize { get; init; }

    /// <summary>The total bid size (<c>total_bid_size</c>).</summary>
    public required decimal TotalBidSize { get; init; }

    /// <summary>
    /// The levels, best first (<c>orderbook_units</c>). Units Upbit pads a thin book with (every price and size 0)
    /// are dropped, so the <see cref="ImmutableArray{T}.Length"/> can be below the requested 1, 5, 15 or 30. One
    /// exactly-sized array of values per book, which nobody can change: every subscriber of a stream is handed the
    /// same instance.
    /// </summary>
    /// <exception cref="ArgumentException">Set to a default (uninitialised) <see cref="ImmutableArray{T}"/>; use
    /// <c>[]</c> for a book without levels.</exception>
    public required ImmutableArray<OrderbookUnit> Units
    {
        get => _units;
        init => _units = value.IsDefault
            ? throw new ArgumentException("An order book's units cannot be a default ImmutableArray; use [] for a book without levels.", nameof(value))
            : value;
    }

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
         Units.AsSpan().SequenceEqual(other.Units.AsSpan()) &&
         Level == other.Level &&
         Timestamp == other.Timestamp &&
         StreamType == other.StreamType);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Code, TotalAskSize, TotalBidSize, UnitsHash(_units.AsSpan()), Level, Timestamp, StreamType);

    private static int UnitsHash(ReadOnlySpan<OrderbookUnit> units)
    {
        var hash = new HashCode();
        hash.Add(units.Length);
        foreach (var unit in units)
        {
            hash.Add(unit);
        }

        return hash.ToHashCode();
    }
}
