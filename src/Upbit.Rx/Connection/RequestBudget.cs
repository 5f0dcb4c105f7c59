namespace Upbit.Rx.Connection;

/// <summary>
/// Pure request-rate maths for one connection (no clock; the caller passes the time). Hard limits: at most
/// <c>maxPerSecond</c> sends in any 1-second window and <c>maxPerMinute</c> in any 60-second window (a window is
/// half-open, so a send exactly one window after an earlier one is allowed). Smoothing: a token bucket holding a
/// tenth of the minute's budget (at least the per-second burst) and refilling the rest evenly over the minute, so
/// continuous churn is served every ~0.7 s instead of spending the minute's budget in 20 s and then going quiet.
/// Not thread-safe: the pacer calls it under its gate.
/// </summary>
internal sealed class RequestBudget
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    private readonly TimeSpan _second;
    private readonly TimeSpan _minute;
    private readonly int _maxPerSecond;
    private readonly int _maxPerMinute;
    private readonly double _capacity;
    private readonly double _refillPerTick;
    private readonly List<DateTimeOffset> _sent = [];
    private double _tokens;
    private DateTimeOffset? _refilledAt;

    /// <summary>Creates a full budget.</summary>
    /// <param name="maxPerSecond">Sends allowed in any 1-second window (Upbit: 5).</param>
    /// <param name="maxPerMinute">Sends allowed in any 60-second window (Upbit: 100).</param>
    /// <param name="margin">Added to both windows. NB: Upbit counts requests when they arrive and the network can bunch
    /// sends that left evenly spaced, so a real connection keeps its windows a little longer than Upbit's.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1 or the margin is negative.</exception>
    public RequestBudget(int maxPerSecond, int maxPerMinute, TimeSpan margin = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(margin, TimeSpan.Zero);
        _second = TimeSpan.FromSeconds(1) + margin;
        _minute = Minute + margin;
        _maxPerSecond = maxPerSecond;
        _maxPerMinute = maxPerMinute;
        _capacity = Math.Min(maxPerMinute, Math.Max(maxPerSecond, maxPerMinute / 10));
        _refillPerTick = (maxPerMinute - _capacity) / Minute.Ticks;
        _tokens = _capacity;
    }

    /// <summary>How long to wait from <paramref name="now"/> before the next send; zero if it may go now.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The wait, never negative and never longer than a minute (even if the clock went backwards).</returns>
    public TimeSpan WaitBefore(DateTimeOffset now)
    {
        Refill(now);
        var wait = TimeSpan.Zero;
        if (_sent.Count >= _maxPerSecond)
        {
            wait = Max(wait, _sent[^_maxPerSecond] + _second - now);
        }

        if (_sent.Count >= _maxPerMinute)
        {
            wait = Max(wait, _sent[^_maxPerMinute] + _minute - now);
        }

        if (_refillPerTick > 0 && _tokens < 1)
        {
            wait = Max(wait, TimeSpan.FromTicks((long)Math.Ceiling((1 - _tokens) / _refillPerTick)));
        }

        // NB: a wall clock that jumps backwards would otherwise stall sending for as long as the jump.
        return wait > Minute ? Minute : wait;
    }

    /// <summary>Records a send at <paramref name="now"/>; call only after <see cref="WaitBefore"/> returned zero.</summary>
    /// <param name="now">The current time.</param>
    public void Record(DateTimeOffset now)
    {
        Refill(now);
        _tokens = Math.Max(0, _tokens - 1);
        _sent.Add(now);

        // NB: only the last maxPerMinute sends can ever decide a wait.
        if (_sent.Count > _maxPerMinute)
        {
            _sent.RemoveRange(0, _sent.Count - _maxPerMinute);
        }
    }

    /// <summary>Forgets every send: a new connection has a fresh budget.</summary>
    public void Reset()
    {
        _sent.Clear();
        _tokens = _capacity;
        _refilledAt = null;
    }

    private void Refill(DateTimeOffset now)
    {
        if (_refilledAt is { } last && now > last)
        {
            _tokens = Math.Min(_capacity, _tokens + ((now - last).Ticks * _refillPerTick));
        }

        if (_refilledAt is null || now > _refilledAt)
        {
            _refilledAt = now;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
