using System.Reactive.Concurrency;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Connection;

internal sealed partial class ConnectionSupervisor
{
    private readonly Dictionary<StreamKey, int> _pendingSnapshots = [];

    /// <summary>Whether the connection is open now (snapshot calls use it rather than REST).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _phase == ConnectionPhase.Open;
            }
        }
    }

    /// <summary>
    /// Fetches the current value of one key without disturbing live streams: a route the open connection is already
    /// streaming (an order book at any depth) answers from the router's cache without touching the wire; otherwise the
    /// call waits for the route's next value, and a key not in the union rides along the next union request as an
    /// <c>is_only_snapshot</c> object, until a value arrives or <see cref="UpbitClientOptions.SnapshotTimeout"/> passes.
    /// The task ends, its wait released and the linger armed, on the thread whose event ended it (the receive loop, the
    /// timeout's scheduler action, the <c>Cancel</c> call) and runs its continuations inline there: only the library
    /// awaits it, and the client hands callers a task whose continuations are queued.
    /// </summary>
    public async Task<UpbitMessage> SnapshotAsync(StreamKey key, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var route = Router.RouteKeyOf(key);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_phase == ConnectionPhase.Disposed, typeof(UpbitClient));

            // NB: the cache answers only once the current connection has delivered the route (during an outage, or
            // before the snapshot of a reconnect, it may be minutes old). It goes by route, not by exact key: a book
            // live at another depth is the same wire stream, and no snapshot object is sent for a live route, so
            // waiting on the wire would time out for a quiet code.
            if (_phase == ConnectionPhase.Open && _confirmed.Contains(route) && _router.Latest(route) is { } cached)
            {
                return cached;
            }
        }

        var (feed, next) = _router.WaitNext(route);
        var connect = false;
        lock (_gate)
        {
            _pendingSnapshots[key] = _pendingSnapshots.GetValueOrDefault(key) + 1;
            switch (_phase)
            {
                case ConnectionPhase.Idle:
                    connect = true;
                    break;
                case ConnectionPhase.Open:
                    _lingerTimer.Disposable = null;
                    _pacer?.Signal();
                    break;
            }
        }

        if (connect)
        {
            Connect();
        }

        try
        {
            var winner = await Task.WhenAny(next, Expired(feed, next, cancellation)).ConfigureAwait(false);
            return await winner.ConfigureAwait(false);
        }
        finally
        {
            // NB: however the wait ended (value, timeout, cancellation, a failure from any path), the call lets go of
            // its feed, so a feed nobody uses any more is retired rather than left in the router.
            feed.CancelWait(next);
            EndSnapshot(key);
        }
    }

    /// <summary>Completes with the reason a wait ended without a value (timeout or cancellation).</summary>
    private async Task<UpbitMessage> Expired(KeyFeed feed, Task<UpbitMessage> next, CancellationToken cancellation)
    {
        // NB: completed inline (Continuations): the call's bookkeeping after a timeout or a cancellation runs inside the
        // scheduler's timer action or the Cancel call, not on a pool thread at some later virtual instant.
        var done = new TaskCompletionSource();
        using var timer = _scheduler.Schedule(_options.SnapshotTimeout, () => Continuations.Inline(static d => d.TrySetResult(), done));
        using var registration = cancellation.Register(() => Continuations.Inline(static s => s.Done.TrySetCanceled(s.Token), (Done: done, Token: cancellation)));
        await Task.WhenAny(done.Task, next).ConfigureAwait(false);
        if (next.IsCompleted)
        {
            // NB: a value, or the feed's own failure (server error, client disposed), wins over the timer.
            return await next.ConfigureAwait(false);
        }

        feed.CancelWait(next);
        cancellation.ThrowIfCancellationRequested();
        throw new TimeoutException(
            $"No snapshot for {WireKeys.TypeName(feed.Key)} {feed.Key.Code} arrived within {_options.SnapshotTimeout.TotalSeconds:0.#} s over the open connection; Upbit ignores unknown codes silently, check them against UpbitClient.Markets.");
    }

    private bool HasPendingSnapshots()
    {
        lock (_gate)
        {
            return _pendingSnapshots.Count > 0;
        }
    }

    private void EndSnapshot(StreamKey key)
    {
        lock (_gate)
        {
            if (_pendingSnapshots.TryGetValue(key, out var count) && count > 1)
            {
                _pendingSnapshots[key] = count - 1;
            }
            else
            {
                _pendingSnapshots.Remove(key);
            }

            if (_phase == ConnectionPhase.Open && !HasWork())
            {
                StartLinger();
            }
            else if (_phase == ConnectionPhase.WaitingToRetry && !HasWork())
            {
                GoIdle("no subscribers");
            }
        }

        PublishStates();
    }
}
