using System.Reactive.Concurrency;

namespace Upbit.Rx.Rest;

/// <summary>A delay on an <see cref="IScheduler"/> as a <see cref="Task"/>, so REST waits run in virtual time under a TestScheduler.</summary>
internal static class SchedulerDelay
{
    /// <summary>
    /// Completes after <paramref name="delay"/> on <paramref name="scheduler"/>'s clock, or is cancelled (and its timer removed)
    /// when <paramref name="cancellationToken"/> fires first. NB: continuations run asynchronously, never inside the
    /// scheduler's timer callback or the canceller's <c>Cancel</c> call.
    /// </summary>
    public static Task Wait(IScheduler scheduler, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = scheduler.Schedule(delay, () => done.TrySetResult());
        var registration = cancellationToken.Register(() =>
        {
            timer.Dispose();
            done.TrySetCanceled(cancellationToken);
        });
        _ = done.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return done.Task;
    }
}
