using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Upbit.Rx.Connection;

/// <summary>
/// Paces the requests of one connection: latest-wins coalescing of "the union changed" signals, within Upbit's
/// per-connection limits (<see cref="RequestBudget"/>: ≤ <c>maxPerSecond</c> per 1 s and ≤ <c>maxPerMinute</c> per
/// 60 s, sliding). Every request of the connection must go through it: the union (with any snapshot-only fetches it
/// carries) via <see cref="Signal"/>, one-off requests such as LIST_SUBSCRIPTIONS or the text keep-alive <c>PING</c> via
/// <see cref="Enqueue"/>. Upbit counts every text frame, <c>PING</c> included, against the same budget.
/// </summary>
/// <remarks>
/// <para>
/// Signals never queue: the union text is built by <c>buildRequest</c> only at the moment a request may go, so a burst
/// of any size costs at most the requests the budget allows, and the last request sent is built after the last
/// signal (it equals the final union). A <see langword="null"/> from <c>buildRequest</c> means nothing to send and
/// uses no budget. One-offs queued with <c>beforeUnion</c> go first, then a pending union, then the other one-offs;
/// one-offs go in order, one budget unit each.
/// </para>
/// <para>
/// Threading: <see cref="Signal"/>, <see cref="Enqueue"/>, <see cref="Reset"/> and <see cref="Dispose"/> may be
/// called from any thread and return at once; they never call back. <c>buildRequest</c> and <c>send</c> run on the
/// scheduler, one at a time (never concurrently), outside the pacer's lock, so they may take the caller's own locks
/// (which may in turn call <see cref="Signal"/>). Work is scheduled after <c>coalescingDelay</c> (default zero: as
/// soon as the scheduler runs it, which already merges signals raised together). An exception from either callback
/// propagates to the scheduler; the pacer stays usable.
/// </para>
/// <para>
/// One pacer per connection: create a new one (and dispose the old) on reconnect, or call <see cref="Reset"/>.
/// </para>
/// </remarks>
internal sealed class Pacer : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IScheduler _scheduler;
    private readonly Func<string?> _buildRequest;
    private readonly Action<string> _send;
    private readonly TimeSpan _coalescingDelay;
    private readonly RequestBudget _budget;
    private readonly Queue<string> _oneOffs = new();
    private readonly Queue<string> _first = new();
    private IDisposable? _scheduled;
    private long _generation;
    private bool _dirty;
    private bool _draining;
    private bool _waiting;
    private bool _disposed;
    private long _waits;
    private long _sent;

    /// <summary>Creates a pacer with a full budget.</summary>
    /// <param name="scheduler">Supplies the time and runs the sends.</param>
    /// <param name="maxPerSecond">Requests allowed in any 1-second window (Upbit: 5).</param>
    /// <param name="maxPerMinute">Requests allowed in any 60-second window (Upbit: 100).</param>
    /// <param name="buildRequest">Builds the current union request, or returns <see langword="null"/> for none.</param>
    /// <param name="send">Sends one request on the connection.</param>
    /// <param name="coalescingDelay">How long to wait after the first signal of a quiet period before sending, to merge
    /// a burst spread over a few milliseconds. Default zero.</param>
    /// <exception cref="ArgumentNullException">A callback or the scheduler is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1 or the delay is negative.</exception>
    /// <param name="windowMargin">Added to the 1 s and 60 s windows (see <see cref="RequestBudget"/>). Default zero.</param>
    public Pacer(IScheduler scheduler, int maxPerSecond, int maxPerMinute, Func<string?> buildRequest, Action<string> send, TimeSpan coalescingDelay = default, TimeSpan windowMargin = default)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(buildRequest);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentOutOfRangeException.ThrowIfLessThan(coalescingDelay, TimeSpan.Zero);
        _budget = new RequestBudget(maxPerSecond, maxPerMinute, windowMargin);
        _scheduler = scheduler;
        _buildRequest = buildRequest;
        _send = send;
        _coalescingDelay = coalescingDelay;
    }

    /// <summary>Gets how many requests had to wait for budget (each request that waited counts once). For metrics.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>Gets how many requests were handed to <c>send</c> since creation (not reset by <see cref="Reset"/>).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The wanted union changed: a request built from the then-current union will be sent when the budget allows.</summary>
    public void Signal()
    {
        long generation;
        lock (_gate)
        {
            _dirty = true;
            if (!StartDrain(out generation))
            {
                return;
            }
        }

        ScheduleDrain(generation, _coalescingDelay);
    }

    /// <summary>Queues a one-off request (for example LIST_SUBSCRIPTIONS); it is sent once, in order, when the budget allows.</summary>
    /// <param name="request">The request text.</param>
    /// <param name="beforeUnion">Send it before a pending union request (a <c>PING</c> that must precede the first
    /// subscription). Default <see langword="false"/>: after it.</param>
    /// <exception cref="ArgumentException"><paramref name="request"/> is null or empty.</exception>
    public void Enqueue(string request, bool beforeUnion = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(request);
        long generation;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            (beforeUnion ? _first : _oneOffs).Enqueue(request);
            if (!StartDrain(out generation))
            {
                return;
            }
        }

        ScheduleDrain(generation, TimeSpan.Zero);
    }

    /// <summary>A new connection: forget the budget used and drop pending work (the caller signals the union again).</summary>
    public void Reset() => Clear(dispose: false);

    /// <summary>Stops the pacer: pending work is dropped and later calls do nothing.</summary>
    public void Dispose() => Clear(dispose: true);

    private void Clear(bool dispose)
    {
        IDisposable? scheduled;
        lock (_gate)
        {
            _disposed |= dispose;
            _generation++;
            _budget.Reset();
            _oneOffs.Clear();
            _first.Clear();
            (_dirty, _draining, _waiting) = (false, false, false);
            (scheduled, _scheduled) = (_scheduled, null);
        }

        scheduled?.Dispose();
    }

    // Under the gate.
    private bool HasWork() => _dirty || _first.Count > 0 || _oneOffs.Count > 0;

    // Under the gate. One drain chain per generation: true when the caller must schedule it.
    private bool StartDrain(out long generation)
    {
        generation = _generation;
        if (_disposed || _draining)
        {
            return false;
        }

        _draining = true;
        return true;
    }

    private void ScheduleDrain(long generation, TimeSpan delay)
    {
        // NB: scheduled outside the gate so a synchronous scheduler cannot run the callbacks under it. Cancellation
        // is best effort: a drain that outlives a Reset sees a new generation and does nothing.
        var scheduled = _scheduler.Schedule(generation, delay, (_, g) =>
        {
            Drain(g);
            return Disposable.Empty;
        });
        lock (_gate)
        {
            if (generation == _generation)
            {
                _scheduled = scheduled;
                return;
            }
        }

        scheduled.Dispose();
    }

    private void Drain(long generation)
    {
        var buildUnion = false;
        string? request = null;
        TimeSpan wait;
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            if (!HasWork())
            {
                _draining = false;
                return;
            }

            wait = _budget.WaitBefore(_scheduler.Now);
            if (wait > TimeSpan.Zero)
            {
                if (!_waiting)
                {
                    _waiting = true;
                    Interlocked.Increment(ref _waits);
                }
            }
            else if (_first.Count > 0)
            {
                request = _first.Dequeue();
            }
            else if (_dirty)
            {
                _dirty = false;
                buildUnion = true;
            }
            else
            {
                request = _oneOffs.Dequeue();
            }
        }

        if (wait > TimeSpan.Zero)
        {
            ScheduleDrain(generation, wait);
            return;
        }

        try
        {
            request = buildUnion ? _buildRequest() : request;
            if (request is not null && Record(generation))
            {
                _send(request);
            }
        }
        finally
        {
            ContinueDrain(generation);
        }
    }

    private bool Record(long generation)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return false;
            }

            _budget.Record(_scheduler.Now);
            _waiting = false;
            Interlocked.Increment(ref _sent);
            return true;
        }
    }

    private void ContinueDrain(long generation)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            if (!HasWork())
            {
                _draining = false;
                return;
            }
        }

        ScheduleDrain(generation, TimeSpan.Zero);
    }
}
