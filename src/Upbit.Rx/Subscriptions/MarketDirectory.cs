using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Upbit.Rx.Connection;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Subscriptions;

/// <summary>
/// The cached market list: loaded on first need, one fetch in flight at a time, stale after the refresh interval
/// (read on the scheduler's clock), and refreshed on a scheduler timer while anyone watches <see cref="Changes"/>.
/// </summary>
/// <remarks>
/// A failed fetch is reported on <see cref="UpbitClient.Errors"/> and leaves the last good list in place; callers that
/// only validate get <see langword="null"/> (unknown) rather than an exception, so streams go on optimistically.
/// </remarks>
internal sealed class MarketDirectory : IDisposable
{
    private readonly Func<CancellationToken, Task<IReadOnlyList<Market>>> _fetch;
    private readonly IScheduler _scheduler;
    private readonly TimeSpan _refresh;
    private readonly ClientSignals _signals;
    private readonly Lock _gate = new();
    private readonly ReplaySubject<IReadOnlyList<Market>> _latest = new(1);
    private readonly SerialDisposable _timer = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SchedulerSynchronizationContext _context;
    private TaskCompletionSource<IReadOnlyList<Market>>? _loading;
    private IReadOnlyList<Market>? _list;
    private HashSet<string>? _codes;
    private DateTimeOffset _loadedAt;
    private int _watchers;
    private bool _disposed;

    public MarketDirectory(Func<CancellationToken, Task<IReadOnlyList<Market>>> fetch, IScheduler scheduler, TimeSpan refresh, ClientSignals signals)
    {
        _fetch = fetch;
        _scheduler = scheduler;
        _refresh = refresh;
        _signals = signals;
        _context = new SchedulerSynchronizationContext(scheduler);
    }

    /// <summary>Hot with replay of the latest list; subscribing loads the list if needed and keeps a refresh timer running.</summary>
    public IObservable<IReadOnlyList<Market>> Changes => Observable.Create<IReadOnlyList<Market>>(observer =>
    {
        var subscription = _latest.Subscribe(observer);
        lock (_gate)
        {
            if (_disposed)
            {
                return subscription;
            }

            if (_watchers++ == 0)
            {
                _timer.Disposable = _scheduler.SchedulePeriodic(_refresh, () => _ = Load());
            }
        }

        _ = Current();
        return Disposable.Create(() =>
        {
            subscription.Dispose();
            lock (_gate)
            {
                if (--_watchers == 0)
                {
                    _timer.Disposable = null;
                }
            }
        });
    });

    /// <summary>The known codes when a list was ever loaded (fresh or stale), else <see langword="null"/>; starts a
    /// refresh in the background when the list is missing or stale.</summary>
    public IReadOnlySet<string>? KnownCodes()
    {
        _ = Current();
        lock (_gate)
        {
            return _codes;
        }
    }

    /// <summary>The known codes, loading the list first if there is none; <see langword="null"/> when it cannot be
    /// fetched (already reported on Errors).</summary>
    public async Task<IReadOnlySet<string>?> CodesAsync(CancellationToken cancellation)
    {
        try
        {
            await Current().WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            // NB: reported by Load; validation falls back to whatever list there is, or none.
        }

        lock (_gate)
        {
            return _codes;
        }
    }

    /// <summary>The known codes once the fetch in flight (if any) has ended, without starting another; <see langword="null"/>
    /// when there is still no list.</summary>
    public async Task<IReadOnlySet<string>?> SettledCodesAsync()
    {
        Task<IReadOnlyList<Market>>? loading;
        lock (_gate)
        {
            loading = _loading?.Task;
        }

        if (loading is not null)
        {
            try
            {
                await loading.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // NB: reported by Load; the stream stays unchecked.
            }
        }

        lock (_gate)
        {
            return _codes;
        }
    }

    /// <summary>The list, fetched when missing or stale; fails with the fetch's error when there is no list at all.</summary>
    public async Task<IReadOnlyList<Market>> GetAsync(CancellationToken cancellation)
    {
        var loading = Current();
        try
        {
            return await loading.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellation.IsCancellationRequested && Cached() is { } stale)
        {
            return stale;
        }
    }

    /// <summary>Stops the refresh timer, cancels a fetch in flight (its waiters see cancellation) and completes <see cref="Changes"/>.</summary>
    public void Dispose()
    {
        TaskCompletionSource<IReadOnlyList<Market>>? loading;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            loading = _loading;
            _timer.Dispose();
        }

        // NB: outside the gate: cancelling runs the HTTP stack's registrations, and the waiters' continuations run inline.
        _stop.Cancel();
        _stop.Dispose();
        Continuations.Inline(() => loading?.TrySetCanceled());

        _latest.OnCompleted();
        _latest.Dispose();
    }

    private IReadOnlyList<Market>? Cached()
    {
        lock (_gate)
        {
            return _list;
        }
    }

    private Task<IReadOnlyList<Market>> Current()
    {
        lock (_gate)
        {
            if (_list is { } list && _scheduler.Now - _loadedAt < _refresh)
            {
                return Task.FromResult(list);
            }
        }

        return Load();
    }

    private Task<IReadOnlyList<Market>> Load()
    {
        TaskCompletionSource<IReadOnlyList<Market>> started;
        CancellationToken stop;
        lock (_gate)
        {
            if (_loading is { } inFlight)
            {
                return inFlight.Task;
            }

            if (_disposed)
            {
                // NB: a task, not a throw: the refresh timer may race the dispose on the scheduler's thread.
                return Task.FromException<IReadOnlyList<Market>>(new ObjectDisposedException(nameof(UpbitClient)));
            }

            started = new TaskCompletionSource<IReadOnlyList<Market>>();
            _loading = started;
            stop = _stop.Token;
        }

        // NB: the fetch runs on the client's scheduler and resumes there after every await (as the backfill does), so
        // under a TestScheduler the list arrives at a fixed virtual instant, never on a pool thread racing the clock.
        // Waiters' continuations run where the list arrives, never under the gate.
        _context.Start(() => Run(started, stop));
        return started.Task;
    }

    private async Task Run(TaskCompletionSource<IReadOnlyList<Market>> started, CancellationToken stop)
    {
        IReadOnlyList<Market> list;
        try
        {
            // NB: true: resume on the client's scheduler (see Load), not where the HTTP answer completed.
            list = await _fetch(stop).ConfigureAwait(true);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _loading = null;
            }

            if (stop.IsCancellationRequested)
            {
                // NB: the client was disposed mid-fetch: no failure to report; Dispose already cancelled the waiters.
                return;
            }

            _signals.Error(new UpbitError(UpbitErrorKind.MarketListUnavailable, "public", "the market list could not be fetched; codes are not checked until it can be", ex));
            Continuations.Inline(() => started.TrySetException(ex));
            return;
        }

        bool disposed;
        lock (_gate)
        {
            _loading = null;
            disposed = _disposed;
            if (!disposed)
            {
                _list = list;
                _codes = new HashSet<string>(list.Select(m => m.Code), StringComparer.Ordinal);
                _loadedAt = _scheduler.Now;
            }
        }

        // NB: published outside the gate: the subject calls the subscribers' code.
        if (!disposed)
        {
            _latest.OnNext(list);
            Continuations.Inline(() => started.TrySetResult(list));
        }
    }
}
