using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Upbit.Rx.Operators;

/// <summary>
/// One subscription of <see cref="UpbitObservable.ThrottleBy{T, TKey}"/>: per key, passes the first value of a
/// quiet key, holds the latest value during the interval and delivers it when the interval ends.
/// </summary>
internal sealed class ThrottleSink<T, TKey> : IObserver<T>, IDisposable
    where TKey : notnull
{
    private readonly IObserver<T> _observer;
    private readonly Func<T, TKey> _keySelector;
    private readonly TimeSpan _interval;
    private readonly IScheduler _scheduler;
    private readonly object _gate = new();
    private readonly Dictionary<TKey, ThrottleSlot<T>> _slots = [];
    private readonly SingleAssignmentDisposable _upstream = new();
    private long _sequence;
    private bool _stopped;

    public ThrottleSink(IObserver<T> observer, Func<T, TKey> keySelector, TimeSpan interval, IScheduler scheduler)
    {
        _observer = observer;
        _keySelector = keySelector;
        _interval = interval;
        _scheduler = scheduler;
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

        // NB: the observer is called under the gate so values from the source's thread and from interval
        // timers on the scheduler are never delivered concurrently (the same choice as Rx's Throttle).
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            if (_slots.TryGetValue(key, out var slot))
            {
                slot.Hold(value, _sequence++);
                return;
            }

            slot = new ThrottleSlot<T>();
            _slots.Add(key, slot);
            _observer.OnNext(value);
            StartInterval(key, slot);
        }
    }

    public void OnError(Exception error) => Terminate(error);

    public void OnCompleted() => Terminate(null);

    public void Dispose()
    {
        _upstream.Dispose();
        lock (_gate)
        {
            _stopped = true;
            StopTimers();
        }
    }

    private void StartInterval(TKey key, ThrottleSlot<T> slot) =>
        slot.Timer = _scheduler.Schedule((key, slot), _interval, (_, state) =>
        {
            EndInterval(state.key, state.slot);
            return Disposable.Empty;
        });

    private void EndInterval(TKey key, ThrottleSlot<T> slot)
    {
        lock (_gate)
        {
            if (_stopped || !_slots.TryGetValue(key, out var current) || !ReferenceEquals(current, slot))
            {
                return;
            }

            if (!slot.HasHeld)
            {
                // NB: a key that stayed quiet for a whole interval is forgotten, so memory follows the active keys.
                _slots.Remove(key);
                return;
            }

            _observer.OnNext(slot.Take());
            StartInterval(key, slot);
        }
    }

    private void Terminate(Exception? error)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            StopTimers();

            // NB: held values are the last of their codes; they are delivered before the terminal notification,
            // in the order they arrived, rather than silently dropped.
            var held = _slots.Values.Where(s => s.HasHeld).OrderBy(s => s.HeldSequence).ToList();
            _slots.Clear();
            foreach (var slot in held)
            {
                _observer.OnNext(slot.Take());
            }

            if (error is null)
            {
                _observer.OnCompleted();
            }
            else
            {
                _observer.OnError(error);
            }
        }

        _upstream.Dispose();
    }

    private void StopTimers()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Timer?.Dispose();
        }
    }
}
