namespace Upbit.Rx.Server;

/// <summary>
/// Counts events in a sliding window: at most <c>limit</c> within any span of <c>window</c>. Sliding is stricter
/// than any fixed window a client could align to, so a client that passes here passes Upbit. Not thread-safe.
/// </summary>
internal sealed class SlidingWindow(int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _accepted = new();

    /// <summary>Whether an event at <paramref name="now"/> fits; when it does, it is counted.</summary>
    public bool TryAcquire(DateTimeOffset now)
    {
        while (_accepted.Count > 0 && now - _accepted.Peek() >= window)
        {
            _accepted.Dequeue();
        }

        if (_accepted.Count >= limit)
        {
            return false;
        }

        _accepted.Enqueue(now);
        return true;
    }

    /// <summary>How many more events would fit at <paramref name="now"/>.</summary>
    public int Remaining(DateTimeOffset now) => Math.Max(0, limit - _accepted.Count(t => now - t < window));
}
