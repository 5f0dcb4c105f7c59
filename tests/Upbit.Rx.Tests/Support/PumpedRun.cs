using Microsoft.Reactive.Testing;

namespace Upbit.Rx.Tests.Support;

/// <summary>
/// Advances a <see cref="TestScheduler"/> a millisecond at a time under a synchronization context whose posted
/// continuations run on the test thread between steps, so REST continuations (market list, snapshot answers) never run
/// on the thread pool while the virtual clock moves.
/// </summary>
internal static class PumpedRun
{
    /// <summary>Runs <paramref name="start"/> under the context, then advances <paramref name="span"/> of virtual time.</summary>
    public static void Advance(TestScheduler scheduler, TimeSpan span, Action? start = null) =>
        Until(scheduler, span, () => { start?.Invoke(); return null; });

    /// <summary>Starts <paramref name="call"/> and advances until it ends (at most <paramref name="limit"/>); returns its task.</summary>
    public static Task<T> Call<T>(TestScheduler scheduler, Func<Task<T>> call, TimeSpan? limit = null)
    {
        Task<T>? task = null;
        Until(scheduler, limit ?? TimeSpan.FromMinutes(1), () => task = call());
        return task!;
    }

    private static void Until(TestScheduler scheduler, TimeSpan span, Func<Task?> start)
    {
        var previous = SynchronizationContext.Current;
        var context = new Pumped();
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            var task = start();
            var end = scheduler.Clock + span.Ticks;
            context.Pump();
            while (scheduler.Clock < end && task?.IsCompleted != true)
            {
                scheduler.AdvanceBy(TimeSpan.TicksPerMillisecond);
                context.Pump();
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private sealed class Pumped : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();

        public override void Post(SendOrPostCallback d, object? state)
        {
            lock (_queue)
            {
                _queue.Enqueue((d, state));
            }
        }

        public override void Send(SendOrPostCallback d, object? state) => d(state);

        public void Pump()
        {
            while (true)
            {
                (SendOrPostCallback Callback, object? State) next;
                lock (_queue)
                {
                    if (!_queue.TryDequeue(out next))
                    {
                        return;
                    }
                }

                next.Callback(next.State);
            }
        }
    }
}
