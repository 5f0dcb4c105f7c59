using System.Reactive.Concurrency;

namespace Upbit.Rx.Connection;

/// <summary>
/// Runs posted continuations as actions on an <see cref="IScheduler"/>, with itself as the current context, so an async
/// flow started under it resumes on the client's scheduler after every await: on the thread pool by default, on the test
/// thread at the current virtual instant under a TestScheduler (deterministic, never racing the clock).
/// </summary>
internal sealed class SchedulerSynchronizationContext(IScheduler scheduler) : SynchronizationContext
{
    /// <summary>Starts <paramref name="flow"/> under this context on the scheduler, never on the caller's thread.</summary>
    public void Start(Func<Task> flow) => Post(_ => _ = flow(), null);

    public override void Post(SendOrPostCallback d, object? state) =>
        scheduler.Schedule(() => Run(d, state));

    public override void Send(SendOrPostCallback d, object? state) => Run(d, state);

    public override SynchronizationContext CreateCopy() => this;

    private void Run(SendOrPostCallback d, object? state)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            d(state);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
