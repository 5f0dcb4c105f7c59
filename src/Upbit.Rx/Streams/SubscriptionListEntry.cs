namespace Upbit.Rx.Streams;

/// <summary>One live subscription in a <see cref="SubscriptionList"/>. Equality compares <see cref="Codes"/> element by element.</summary>
public sealed record SubscriptionListEntry
{
    /// <summary>The data type as sent, for example <c>ticker</c> or <c>candle.1m</c> (<c>type</c>, SIMPLE <c>ty</c>).</summary>
    public required string Type { get; init; }

    /// <summary>The pair codes (<c>codes</c>, SIMPLE <c>cds</c>); <see langword="null"/> when absent, as for <c>myAsset</c>.</summary>
    public required IReadOnlyList<string>? Codes { get; init; }

    /// <summary>The orderbook grouping unit (<c>level</c>, SIMPLE <c>lv</c>); <see langword="null"/> when absent.</summary>
    public required decimal? Level { get; init; }

    /// <inheritdoc/>
    public bool Equals(SubscriptionListEntry? other) =>
        ReferenceEquals(this, other) ||
        (other is not null && Type == other.Type && SequenceEquality.Equals(Codes, other.Codes) && Level == other.Level);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, SequenceEquality.GetHashCode(Codes), Level);
}
