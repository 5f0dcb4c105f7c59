using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Upbit.Rx.Operators;

/// <summary>
/// One subscription of <see cref="UpbitObservable.ObserveOnBounded{T}"/>: a queue of at most <c>capacity</c>
/// items filled by the source without waiting and drained on the target scheduler.
/// </summary>
internal sealed class BoundedObserveOnSink<T> : IObserver<T>, IDisposable
{
    private readonly IObserver<T> _observer;
    private readonly IScheduler _target;
    private readonly int _capacity;
    private readonly OverflowPolicy _policy;
    private readonly Action<T>? _itemDropped;
    private readonly object _gate = new();
    private readonly Queue<T> _queue;
    private readonly SerialDisposable _drain = new();
    private readonly SingleAssignmentDisposable _upstream = new();
    private bool _drainScheduled;
    private bool _terminated;
    private bool _done;
    private Exception? _error;
    private bool _disposed;

    public BoundedObserveOnSink(IObserver<T> observer, IScheduler target, int capacity, OverflowPolicy policy, Action<T>? itemDropped)
    {
        _observer = observer;
        _target = target;
        _capacity = capacity;
        _policy = policy;
        _itemDropped = itemDropped;
        _queue = new Queue<T>(Math.Min(capacity, 1024));
    }

    public IDisposable Run(IObservable<T> source)
    {
        _upstream.Disposable = source.Subscribe(this);
        return this;
    }

    public void OnNext(T value)
    {
        var dropped = false;
        T droppedItem = default!;
        var overflowed = false;
        bool schedule;
        lock (_gate)
        {
            if (_terminated || _disposed)
            {
                return;
            }

            if (_queue.Count < _capacity)
            {
                _queue.Enqueue(value);
            }
            else if (_policy == OverflowPolicy.DropOldest)
            {
                droppedItem = _queue.Dequeue();
                dropped = true;
                _queue.Enqueue(value);
            }
            else if (_policy == OverflowPolicy.DropNewest)
            {
                droppedItem = RemoveNewest();
                dropped = true;
                _queue.Enqueue(value);
            }
            else if (_policy == OverflowPolicy.DropWrite)
            {
                droppedItem = value;
                dropped = true;
            }
            else
            {
                _terminated = true;
                _error = new BufferOverflowException(_capacity);
                overflowed = true;
            }

            schedule = !_drainScheduled;
            _drainScheduled = true;
        }

        if (overflowed)
        {
            _upstream.Dispose();
        }

        if (dropped)
        {
            // NB: invoked outside the gate (as System.Threading.Channels does) so a callback cannot deadlock the queue.
            _itemDropped?.Invoke(droppedItem);
        }

        if (schedule)
        {
            ScheduleDrain();
        }
    }

    public void OnError(Exception error) => Terminate(error);

    public void OnCompleted() => Terminate(null);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queue.Clear();
        }

        _upstream.Dispose();
        _drain.Dispose();
    }

    private void Terminate(Exception? error)
    {
        bool schedule;
        lock (_gate)
        {
            if (_terminated || _disposed)
            {
                return;
            }

            _terminated = true;
            _error = error;
            schedule = !_drainScheduled;
            _drainScheduled = true;
        }

        if (schedule)
        {
            ScheduleDrain();
        }
    }

    /// <summary>Removes the most recently queued item (call under the gate, queue not empty).</summary>
    /// <remarks>NB: <see cref="Queue{T}"/> has no tail removal, so the queue is rotated once: O(capacity), paid
    /// only on an overflow under <see cref="OverflowPolicy.DropNewest"/>, with no allocation.</remarks>
    private T RemoveNewest()
    {
        for (var i = _queue.Count - 1; i > 0; i--)
        {
            _queue.Enqueue(_queue.Dequeue());
        }

        return _queue.Dequeue();
    }

    private void ScheduleDrain() => _drain.Disposable = _target.Schedule(Drain);

    private void Drain(Action again)
    {
        // NB: one run delivers at most `capacity` items, then yields the target scheduler (a UI dispatcher
        // stays responsive) and continues in a new run.
        for (var delivered = 0; ; delivered++)
        {
            T item;
            lock (_gate)
            {
                if (_disposed || _done)
                {
                    return;
                }

                if (_queue.Count == 0)
                {
                    if (!_terminated)
                    {
                        _drainScheduled = false;
                        return;
                    }

                    _done = true;
                    break;
                }

                if (delivered == _capacity)
                {
                    again();
                    return;
                }

                item = _queue.Dequeue();
            }

            _observer.OnNext(item);
        }

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
