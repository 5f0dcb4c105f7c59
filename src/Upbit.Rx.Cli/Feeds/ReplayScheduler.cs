using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Upbit.Rx.Cli.Feeds;

/// <summary>
/// The replay exchange's scheduler: one event-loop thread runs every action in due order (frames due at the same
/// instant keep the order they were scheduled in), and an action scheduled after <see cref="Dispose"/> is dropped.
/// </summary>
/// <remarks>
/// NB: a bare <see cref="EventLoopScheduler"/> queues absolute-time work in Rx's process-wide timer queues, which hand it
/// back to the scheduler when Rx believes the system clock jumped (a late timer on a busy machine is enough). If the
/// loop was disposed by then, that hand-back throws <see cref="ObjectDisposedException"/> on a pool thread and ends
/// the process (seen twice in a loaded test run). Here every due time becomes relative, which the loop keeps in its
/// own stopwatch-timed queue, and scheduling on a disposed loop returns an empty disposable instead of throwing.
/// </remarks>
internal sealed class ReplayScheduler : IScheduler, IDisposable
{
    private readonly EventLoopScheduler _loop = new();

    /// <inheritdoc/>
    public DateTimeOffset Now => _loop.Now;

    /// <inheritdoc/>
    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, TimeSpan.Zero, action);

    /// <inheritdoc/>
    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            // NB: the action gets this wrapper, so work it schedules in turn stays out of Rx's absolute-time queues too.
            return _loop.Schedule((Self: this, State: state, Action: action), dueTime, static (_, s) => s.Action(s.Self, s.State));
        }
        catch (ObjectDisposedException)
        {
            return Disposable.Empty;
        }
    }

    /// <inheritdoc/>
    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, dueTime - Now, action);

    /// <summary>Stops the loop thread; pending work is dropped.</summary>
    public void Dispose() => _loop.Dispose();
}
