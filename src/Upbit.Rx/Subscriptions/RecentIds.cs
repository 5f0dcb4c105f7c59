namespace Upbit.Rx.Subscriptions;

/// <summary>
/// The last few trade <c>sequential_id</c>s of one code, to drop a trade Upbit sends again (the snapshot
/// after a reconnect is the last trade already seen). Not thread-safe; the owning feed's gate guards it.
/// </summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<long> _set = new(capacity);
    private readonly Queue<long> _order = new(capacity);

    /// <summary>Records the id; returns <see langword="false"/> when it was seen already.</summary>
    public bool Add(long id)
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
