using System.Reactive.Concurrency;

namespace Upbit.Rx.Tests.Support;

/// <summary>
/// Serializes scheduling onto a scheduler that is not thread-safe (the TestScheduler), so a test can subscribe
/// from many threads and then run virtual time on one.
/// </summary>
internal sealed class LockedScheduler(IScheduler inner) : IScheduler
{
    private readonly Lock _gate = new();

    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return inner.Now;
            }
        }
    }

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
    {
        lock (_gate)
        {
            return inner.Schedule(state, action);
        }
    }

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (_gate)
        {
            return inner.Schedule(state, dueTime, action);
        }
    }

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (_gate)
        {
            return inner.Schedule(state, dueTime, action);
        }
    }
}
