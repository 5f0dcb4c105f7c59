using System.Reactive.Concurrency;
using Upbit.Rx.Connection;

namespace Upbit.Rx.Rest;

/// <summary>A delay on an <see cref="IScheduler"/> as a <see cref="Task"/>, so REST waits run in virtual time under a TestScheduler.</summary>
internal static class SchedulerDelay
{
    /// <summary>
    /// Completes after <paramref name="delay"/> on <paramref name="scheduler"/>'s clock, or is cancelled (and its timer removed)
    /// when <paramref name="cancellationToken"/> fires first.
    /// </summary>
    /// <remarks>
    /// Continuations that do not capture a context (the REST client's own, all <c>ConfigureAwait(false)</c>) run inline:
    /// inside the scheduler's timer action, or inside the canceller's <c>Cancel</c> call, as after <c>Task.Delay</c>. On a
    /// TestScheduler that is the test thread inside <c>AdvanceBy</c>, so the paced request goes out at the exact virtual
    /// instant its slot frees. NB: safe because the library never holds a lock while a scheduler action runs or while it
    /// cancels a REST call's token, and the inline code is the REST client's own up to the caller's await.
    /// </remarks>
    public static Task Wait(IScheduler scheduler, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var done = new TaskCompletionSource();
        var timer = scheduler.Schedule(delay, () => Continuations.Inline(() => done.TrySetResult()));
        var registration = cancellationToken.Register(() =>
        {
            timer.Dispose();
            Continuations.Inline(() => done.TrySetCanceled(cancellationToken));
        });
        _ = done.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return done.Task;
    }
}
