using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Upbit.Rx.Operators;

/// <summary>
/// One subscription of <see cref="UpbitObservable.ThrottleBy{T, TKey}"/>: per key, passes the first value of a
/// quiet key, holds the latest value during the interval and delivers it when the interval ends.
/// </summary>
/// <remarks>
/// NB: the gate guards the slots only; the observer is called outside it through a <see cref="DeliveryQueue{TItem}"/>,
/// so values from the source's thread and from interval timers never overlap, yet <see cref="Dispose"/> never waits
/// for a call in progress on another thread. Timers are scheduled outside the gate too (the scheduler is the user's).
/// </remarks>
internal sealed class ThrottleSink<T, TKey> : IObserver<T>, IDisposable
    where TKey : notnull
{
    private readonly IObserver<T> _observer;
    private readonly Func<T, TKey> _keySelector;
    private readonly TimeSpan _interval;
    private readonly IScheduler _scheduler;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, ThrottleSlot<T>> _slots = [];
    private readonly DeliveryQueue<(T Value, bool Terminal, Exception? Error)> _queue = new();
    private readonly Action<(T Value, bool Terminal, Exception? Error)> _deliver;
    private readonly SingleAssignmentDisposable _upstream = new();
    private long _sequence;
    private bool _stopped;

    public ThrottleSink(IObserver<T> observer, Func<T, TKey> keySelector, TimeSpan interval, IScheduler scheduler)
    {
        _observer = observer;
        _keySelector = keySelector;
        _interval = interval;
        _scheduler = scheduler;
        _deliver = Deliver;
    }

    /// <summary>No more values are taken: terminated, disposed, or the observer threw. Read under the gate.</summary>
    private bool Stopped => _stopped || _queue.IsStopped;

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

        ThrottleSlot<T> slot;
        bool drain;
        lock (_gate)
        {
            if (Stopped)
            {
                return;
            }

            if (_slots.TryGetValue(key, out var open))
            {
                open.Hold(value, _sequence++);
                return;
            }

            slot = new ThrottleSlot<T>();
            _slots.Add(key, slot);
            drain = _queue.Enqueue((value, false, null));
        }

        Drain(drain);

        // NB: the interval starts after the first value was handed on; an observer that disposed from inside that
        // OnNext has stopped the sink, and StartInterval then schedules nothing.
        StartInterval(key, slot);
    }

    public void OnError(Exception error) => Terminate(error);

    public void OnCompleted() => Terminate(null);

    public void Dispose()
    {
        _upstream.Dispose();
        lock (_gate)
        {
            _stopped = true;
            _queue.Stop();
            StopTimers();
            _slots.Clear();
        }
    }

    private void StartInterval(TKey key, ThrottleSlot<T> slot)
    {
        var timer = new SingleAssignmentDisposable();
        lock (_gate)
        {
            if (Stopped || !_slots.TryGetValue(key, out var current) || !ReferenceEquals(current, slot))
            {
                return;
            }

            slot.Timer = timer;
        }

        // NB: a Dispose between the check and this assignment disposed the holder, which then cancels the timer.
        timer.Disposable = _scheduler.Schedule((key, slot), _interval, (_, state) =>
        {
            EndInterval(state.key, state.slot);
            return Disposable.Empty;
        });
    }

    private void EndInterval(TKey key, ThrottleSlot<T> slot)
    {
        bool drain;
        lock (_gate)
        {
            if (Stopped || !_slots.TryGetValue(key, out var current) || !ReferenceEquals(current, slot))
            {
                return;
            }

            if (!slot.HasHeld)
            {
                // NB: a key that stayed quiet for a whole interval is forgotten, so memory follows the active keys.
                _slots.Remove(key);
                return;
            }

            drain = _queue.Enqueue((slot.Take(), false, null));
        }

        Drain(drain);
        StartInterval(key, slot);
    }

    private void Terminate(Exception? error)
    {
        bool drain;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            StopTimers();

            // NB: held values are the last of their codes; they are delivered before the terminal notification,
            // in the order they arrived, rather than silently dropped. Queued under the gate, so no value an
            // interval timer took before this point can overtake them or follow the terminal notification.
            var held = _slots.Values.Where(s => s.HasHeld).OrderBy(s => s.HeldSequence).ToList();
            _slots.Clear();
            drain = false;
            foreach (var slot in held)
            {
                drain |= _queue.Enqueue((slot.Take(), false, null));
            }

            drain |= _queue.Enqueue((default!, true, error));
        }

        Drain(drain);
        _upstream.Dispose();
    }

    private void Drain(bool drain)
    {
        if (drain)
        {
            _queue.Drain(_gate, _deliver);
        }
    }

    private void Deliver((T Value, bool Terminal, Exception? Error) item)
    {
        if (!item.Terminal)
        {
            _observer.OnNext(item.Value);
        }
        else if (item.Error is null)
        {
            _observer.OnCompleted();
        }
        else
        {
            _observer.OnError(item.Error);
        }
    }

    private void StopTimers()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Timer?.Dispose();
        }
    }
}
