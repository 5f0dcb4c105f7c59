namespace Upbit.Rx.Streams;

/// <summary>
/// The reply to a <c>LIST_SUBSCRIPTIONS</c> request (<c>method</c>, SIMPLE <c>mthd</c>): this connection's current
/// subscriptions. Equality compares <see cref="Entries"/> element by element.
/// </summary>
public sealed record SubscriptionList : UpbitMessage
{
    /// <summary>The ticket of the request, echoed (<c>ticket</c>, SIMPLE <c>tckt</c>); <see langword="null"/> when absent.</summary>
    public required string? Ticket { get; init; }

    /// <summary>The current subscriptions (<c>result</c>, SIMPLE <c>rslt</c>).</summary>
    public required IReadOnlyList<SubscriptionListEntry> Entries { get; init; }

    /// <inheritdoc/>
    public bool Equals(SubscriptionList? other) =>
        ReferenceEquals(this, other) ||
        (base.Equals(other) && Ticket == other.Ticket && SequenceEquality.Equals(Entries, other.Entries));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Ticket, SequenceEquality.GetHashCode(Entries));
}
