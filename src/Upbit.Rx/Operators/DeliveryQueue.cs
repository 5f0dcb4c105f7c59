namespace Upbit.Rx.Operators;

/// <summary>
/// Serialises the calls to one observer without holding a lock while the observer runs. Items are queued under
/// the owner's gate; the thread that finds the queue idle becomes its drainer and hands the items out one at a
/// time, outside the gate; any other thread only queues its item and returns. <see cref="Stop"/> clears the
/// queue and never waits for the drainer: after it, at most the one item the drainer already took is still
/// delivered, and no other.
/// </summary>
/// <remarks>
/// NB: this is how Rx's own sinks stay deadlock-free: a <c>Dispose</c> on a UI thread must not wait for an
/// <c>OnNext</c> that waits for the UI thread (the <c>Dispatcher.Invoke</c> pattern). Not thread-safe by itself:
/// <see cref="Enqueue"/> and <see cref="Stop"/> are called under the owner's gate, <see cref="Drain"/> without it.
/// </remarks>
/// <typeparam name="TItem">What is delivered: a value or a terminal notification.</typeparam>
internal sealed class DeliveryQueue<TItem>
{
    private readonly Queue<TItem> _items = new();
    private bool _draining;

    /// <summary>Whether <see cref="Stop"/> was called; a stopped queue accepts and delivers nothing.</summary>
    public bool IsStopped { get; private set; }

    /// <summary>
    /// Queues an item (call under the owner's gate). Returns <see langword="true"/> when the caller became the
    /// drainer and must call <see cref="Drain"/> once it has released the gate.
    /// </summary>
    public bool Enqueue(TItem item)
    {
        if (IsStopped)
        {
            return false;
        }

        _items.Enqueue(item);
        if (_draining)
        {
            return false;
        }

        _draining = true;
        return true;
    }

    /// <summary>Drops every queued item and refuses new ones (call under the owner's gate). Never waits.</summary>
    public void Stop()
    {
        IsStopped = true;
        _items.Clear();
    }

    /// <summary>
    /// Delivers queued items in order until the queue is empty or stopped. Call only after <see cref="Enqueue"/>
    /// returned <see langword="true"/>, without holding <paramref name="gate"/>. If <paramref name="deliver"/>
    /// throws, the queue stops and the exception propagates to the caller (as an observer's exception does in Rx).
    /// </summary>
    public void Drain(Lock gate, Action<TItem> deliver)
    {
        while (true)
        {
            TItem item;
            lock (gate)
            {
                if (IsStopped || !_items.TryDequeue(out item!))
                {
                    _draining = false;
                    return;
                }
            }

            Deliver(item, gate, deliver);
        }
    }

    /// <summary>
    /// <see cref="Enqueue"/>, except that an item that finds the queue idle and empty is not queued: the caller, now
    /// the drainer (<paramref name="taken"/>), delivers it itself with <see cref="DrainFrom"/>. NB: the common case of
    /// one value at a time then costs one gate less and no trip through the queue.
    /// </summary>
    public bool EnqueueOrTake(TItem item, out bool taken)
    {
        taken = !IsStopped && !_draining && _items.Count == 0;
        if (!taken)
        {
            return Enqueue(item);
        }

        _draining = true;
        return true;
    }

    /// <summary>Delivers <paramref name="first"/> (taken by <see cref="EnqueueOrTake"/>), then drains as <see cref="Drain"/> does.</summary>
    public void DrainFrom(TItem first, Lock gate, Action<TItem> deliver)
    {
        Deliver(first, gate, deliver);
        Drain(gate, deliver);
    }

    private void Deliver(TItem item, Lock gate, Action<TItem> deliver)
    {
        try
        {
            deliver(item);
        }
        catch
        {
            lock (gate)
            {
                _draining = false;
                Stop();
            }

            throw;
        }
    }
}
