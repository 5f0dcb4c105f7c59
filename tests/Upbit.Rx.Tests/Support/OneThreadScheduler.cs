using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;

namespace Upbit.Rx.Tests.Support;

/// <summary>
/// A <see cref="TestScheduler"/> that records every piece of work scheduled from a thread other than the one that
/// created it (the test's). Under virtual time the client must schedule only on the thread advancing the clock: work
/// scheduled from another thread joins the clock at whatever virtual instant that thread happens to reach it, and races
/// the advance on a queue that is not thread-safe.
/// </summary>
internal sealed class OneThreadScheduler : TestScheduler
{
    private readonly int _owner = Environment.CurrentManagedThreadId;
    private readonly List<long> _foreign = [];

    /// <summary>Virtual due times (ticks) of the work scheduled from other threads so far, in the order it was scheduled.</summary>
    public IReadOnlyList<long> ForeignDueTimes
    {
        get
        {
            lock (_foreign)
            {
                return [.. _foreign];
            }
        }
    }

    public override IDisposable ScheduleAbsolute<TState>(TState state, long dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        if (Environment.CurrentManagedThreadId != _owner)
        {
            lock (_foreign)
            {
                _foreign.Add(dueTime);
            }
        }

        return base.ScheduleAbsolute(state, dueTime, action);
    }
}
