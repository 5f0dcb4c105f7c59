using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Upbit.Rx.Operators;

/// <summary>
/// One subscription of <see cref="UpbitObservable.CoalesceBy{T, TKey}(IObservable{T}, Func{T, TKey}, TimeSpan, IScheduler)"/>:
/// holds at most one pending value per key, in first-pending-key order, and drains them on the scheduler.
/// </summary>
internal sealed class CoalesceSink<T, TKey> : IObserver<T>, IDisposable
    where TKey : notnull
{
    private readonly IObserver<T> _observer;
    private readonly Func<T, TKey> _keySelector;
    private readonly TimeSpan _window;
    private readonly IScheduler _scheduler;
    private readonly object _gate = new();
    private readonly Dictionary<TKey, T> _pending = [];
    private readonly Queue<TKey> _order = new();
    private readonly SerialDisposable _drain = new();
    private readonly SingleAssignmentDisposable _upstream = new();
    private DrainState _state;
    private bool _terminated;
    private Exception? _error;
    private bool _disposed;

    public CoalesceSink(IObserver<T> observer, Func<T, TKey> keySelector, TimeSpan window, IScheduler scheduler)
    {
        _observer = observer;
        _keySelector = keySelector;
        _window = window;
        _scheduler = scheduler;
    }

    private enum DrainState
    {
        Idle,
        Scheduled,
        Draining,
        Done,
    }

    public IDisposable Run(IObservable<T> source)
    {
        _upstream.Disposable = source.Subscribe(this);
        return this;
    }

    public void OnNext(T value)
    {
        if (!KeySelection.TrySelect(_keySelector, value, out var key, out var error))
        {
            _upstream.Dispose();
            OnError(error);
            return;
        }

        bool schedule;
        lock (_gate)
        {
            if (_terminated || _disposed)
            {
                return;
            }

            if (!_pending.TryAdd(key, value))
            {
                // NB: the key keeps its place in the delivery order; only its value is replaced by the newer one.
                _pending[key] = value;
            }
            else
            {
                _order.Enqueue(key);
            }

            schedule = _state == DrainState.Idle;
            if (schedule)
            {
                _state = DrainState.Scheduled;
            }
        }

        if (schedule)
        {
            _drain.Disposable = _window > TimeSpan.Zero ? _scheduler.Schedule(_window, Drain) : _scheduler.Schedule(Drain);
        }
    }

    public void OnError(Exception error) => Terminate(error);

    public void OnCompleted() => Terminate(null);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _drain.Dispose();
        _upstream.Dispose();
    }

    private void Terminate(Exception? error)
    {
        bool flushNow;
        lock (_gate)
        {
            if (_terminated || _disposed)
            {
                return;
            }

            _terminated = true;
            _error = error;

            // NB: a terminal notification does not wait for the window: pending values are flushed at once.
            flushNow = _state is DrainState.Idle or DrainState.Scheduled;
            if (flushNow)
            {
                _state = DrainState.Scheduled;
            }
        }

        if (flushNow)
        {
            _drain.Disposable = _scheduler.Schedule(Drain);
        }
    }

    private void Drain()
    {
        lock (_gate)
        {
            if (_disposed || _state != DrainState.Scheduled)
            {
                return;
            }

            _state = DrainState.Draining;
        }

        bool done;
        while (true)
        {
            T value;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                if (!_order.TryDequeue(out var key))
                {
                    done = _terminated;
                    _state = done ? DrainState.Done : DrainState.Idle;
                    break;
                }

                _pending.Remove(key, out value!);
            }

            _observer.OnNext(value);
        }

        if (done)
        {
            _upstream.Dispose();
            if (_error is null)
            {
                _observer.OnCompleted();
            }
            else
            {
                _observer.OnError(_error);
            }
        }
    }
}
