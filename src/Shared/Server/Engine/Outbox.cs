using System.Reactive.Concurrency;

namespace Upbit.Rx.Server;

/// <summary>
/// The ordered way out of a session: frames, closes and aborts are queued with a due time and handed to the sink
/// by one drain at a time on the scheduler, outside the session's lock, so a client that sends from inside its
/// receive callback can never re-enter the session mid-update. Delays only ever postpone (FIFO is kept).
/// </summary>
internal sealed class Outbox(IScheduler scheduler, IConnectionSink sink)
{
    private readonly object _gate = new();
    private readonly Queue<(DateTimeOffset Due, Action<IConnectionSink> Deliver)> _queue = new();
    private DateTimeOffset _lastDue = DateTimeOffset.MinValue;
    private bool _draining;
    private bool _ended;

    /// <summary>Raised (outside any lock) after each frame reaches the sink; the session counts it as traffic.</summary>
    public event Action? Delivered;

    public void Enqueue(TimeSpan delay, Action<IConnectionSink> deliver)
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            var now = scheduler.Now;
            _lastDue = now + delay > _lastDue ? now + delay : _lastDue;
            _queue.Enqueue((_lastDue, deliver));
            if (_draining)
            {
                return;
            }

            _draining = true;
            wait = _lastDue - now;
        }

        scheduler.Schedule(wait, Drain);
    }

    /// <summary>Drops everything queued and refuses more (the connection is gone).</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            _queue.Clear();
        }
    }

    private void Drain()
    {
        while (true)
        {
            Action<IConnectionSink> deliver;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _draining = false;
                    return;
                }

                var wait = _queue.Peek().Due - scheduler.Now;
                if (wait > TimeSpan.Zero)
                {
                    scheduler.Schedule(wait, Drain);
                    return;
                }

                deliver = _queue.Dequeue().Deliver;
            }

            deliver(sink);
            Delivered?.Invoke();
        }
    }
}
