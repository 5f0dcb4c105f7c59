namespace Upbit.Rx.Rest;

/// <summary>
/// Spaces REST requests per group so that no group sends more than its limit in any window (one second plus a margin),
/// and slows a group down when Upbit's <c>Remaining-Req</c> says its second is used up or a 429 asks for a pause.
/// Pure bookkeeping: callers pass the scheduler's time and wait for the returned delay themselves.
/// </summary>
/// <remarks>Thread-safe; one lock, held only for arithmetic (no user code, no waiting).</remarks>
internal sealed class RestPacer
{
    private readonly Lock _gate = new();
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly Queue<DateTimeOffset>[] _sent;
    private readonly DateTimeOffset[] _pausedUntil;

    public RestPacer(int limit, TimeSpan window)
    {
        _limit = limit;
        _window = window;
        var groups = Enum.GetValues<RestGroup>().Length;
        _sent = new Queue<DateTimeOffset>[groups];
        _pausedUntil = new DateTimeOffset[groups];
        for (var i = 0; i < groups; i++)
        {
            _sent[i] = new Queue<DateTimeOffset>(limit + 1);
        }
    }

    /// <summary>
    /// Reserves the earliest send time for one request of <paramref name="group"/> at or after <paramref name="now"/>
    /// and returns how long to wait for it (zero to send at once). The reservation counts even if the caller gives up.
    /// </summary>
    public TimeSpan Reserve(RestGroup group, DateTimeOffset now)
    {
        lock (_gate)
        {
            var sent = _sent[(int)group];
            var at = now > _pausedUntil[(int)group] ? now : _pausedUntil[(int)group];
            while (sent.Count > 0 && sent.Peek() + _window <= at)
            {
                sent.Dequeue();
            }

            if (sent.Count >= _limit)
            {
                // NB: reservations are made in time order and the queue never holds more than the limit, so the oldest
                // one decides when a slot frees.
                var free = sent.Dequeue() + _window;
                at = free > at ? free : at;
            }

            sent.Enqueue(at);
            return at - now;
        }
    }

    /// <summary>Holds every later request of <paramref name="group"/> until <paramref name="until"/> (never shortens a pause).</summary>
    public void Pause(RestGroup group, DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil[(int)group])
            {
                _pausedUntil[(int)group] = until;
            }
        }
    }

    /// <summary>
    /// Applies a response's <c>Remaining-Req</c> <c>sec</c> value: when the server says the group's second is used up
    /// (other processes on the same IP count too), the group waits a whole window before its next request.
    /// </summary>
    public void Observe(RestGroup group, int? secondsLeft, DateTimeOffset now)
    {
        if (secondsLeft is <= 0)
        {
            Pause(group, now + _window);
        }
    }
}
