namespace Upbit.Rx.Subscriptions;

/// <summary>
/// The last few identities of one event stream (trade <c>sequential_id</c>s, order events, asset changes), to drop
/// an event Upbit sends again (the snapshot after a reconnect is the last trade already seen). Bounded: the oldest
/// identity is forgotten when the ring is full. Not thread-safe; the owning feed's gate guards it.
/// </summary>
/// <typeparam name="TId">The identity: <see langword="long"/> for trades, a value tuple for orders and assets.</typeparam>
internal sealed class RecentIds<TId>(int capacity)
    where TId : notnull
{
    private readonly HashSet<TId> _set = new(capacity);
    private readonly Queue<TId> _order = new(capacity);

    /// <summary>Records the identity; returns <see langword="false"/> when it was seen already.</summary>
    public bool Add(TId id)
    {
        if (!_set.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _set.Remove(_order.Dequeue());
        }

        return true;
    }
}
