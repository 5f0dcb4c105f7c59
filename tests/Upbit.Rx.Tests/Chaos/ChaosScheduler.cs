using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Microsoft.Reactive.Testing;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>
/// A <see cref="TestScheduler"/> that one thread (the driver) advances, and that other threads may still schedule on.
/// </summary>
/// <remarks>
/// NB: written when snapshot calls ended on the thread pool and scheduled the linger timer from there while the driver
/// advanced the clock; they now end inside the advance. A plain TestScheduler is not thread-safe, so work scheduled from
/// any other thread is still parked with its absolute due time and handed to the TestScheduler by the driver between
/// steps (<see cref="AdvanceTo"/> drains before and after each step).
/// </remarks>
internal sealed class ChaosScheduler : IScheduler
{
    private readonly TestScheduler _inner = new();
    private readonly ConcurrentQueue<Action> _foreign = new();
    private readonly int _driverThread = Environment.CurrentManagedThreadId;

    public DateTimeOffset Now => _inner.Now;

    /// <summary>The virtual clock in ticks.</summary>
    public long Clock => _inner.Clock;

    /// <summary>Runs everything due up to <paramref name="ticks"/>; exceptions thrown by scheduled work propagate.</summary>
    public void AdvanceTo(long ticks)
    {
        Drain();
        if (ticks > _inner.Clock)
        {
            _inner.AdvanceTo(ticks);
        }

        Drain();
    }

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, TimeSpan.Zero, action);

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        if (Environment.CurrentManagedThreadId == _driverThread)
        {
            return _inner.Schedule(state, dueTime, (_, s) => action(this, s));
        }

        return Park(state, _inner.Now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime), action);
    }

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        if (Environment.CurrentManagedThreadId == _driverThread)
        {
            return _inner.Schedule(state, dueTime, (_, s) => action(this, s));
        }

        return Park(state, dueTime, action);
    }

    private IDisposable Park<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        var handle = new SingleAssignmentDisposable();
        _foreign.Enqueue(() =>
        {
            if (!handle.IsDisposed)
            {
                var due = dueTime < _inner.Now ? _inner.Now : dueTime;
                handle.Disposable = _inner.Schedule(state, due, (_, s) => action(this, s));
            }
        });
        return handle;
    }

    private void Drain()
    {
        while (_foreign.TryDequeue(out var park))
        {
            park();
        }
    }
}
