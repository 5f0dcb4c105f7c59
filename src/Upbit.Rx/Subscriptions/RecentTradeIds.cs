namespace Upbit.Rx.Subscriptions;

/// <summary>
/// The last few trade <c>sequential_id</c>s of one trade key, exactly as <see cref="RecentIds{TId}"/> remembers them
/// (the last <c>capacity</c> distinct ids), in a plain ring of <see langword="long"/>s that grows only as ids come.
/// </summary>
/// <remarks>
/// NB: a hash set of 1,024 ids costs about 36 KB per code, preallocated; on 200 trade codes that was most of the
/// client's managed heap. Trade ids mostly increase, so an id above every id seen so far is new without a search; an
/// older one (the snapshot after a reconnect, an out-of-order trade) is looked up with a vectorised scan of the ring.
/// Not thread-safe; the owning feed's gate guards it.
/// </remarks>
internal sealed class RecentTradeIds(int capacity)
{
    private long[] _ring = new long[Math.Min(capacity, 16)];
    private int _count;
    private int _next;
    private long _max = long.MinValue;

    /// <summary>Records the id; returns <see langword="false"/> when it was seen already.</summary>
    public bool Add(long id)
    {
        if (id <= _max && _ring.AsSpan(0, _count).Contains(id))
        {
            return false;
        }

        _max = Math.Max(_max, id);
        if (_count < capacity)
        {
            if (_count == _ring.Length)
            {
                Array.Resize(ref _ring, Math.Min(capacity, _ring.Length * 2));
            }

            _ring[_count++] = id;
            return true;
        }

        // NB: full: overwrite the oldest, which the write position always points at.
        _ring[_next] = id;
        _next = (_next + 1) % capacity;
        return true;
    }
}
