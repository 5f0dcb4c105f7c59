using Microsoft.Reactive.Testing;

namespace Upbit.Rx.Tests.Rest;

/// <summary>
/// Drives a REST call to its end in virtual time, a millisecond at a time, never past a bound. The call starts under a
/// synchronization context whose posted continuations run on the test thread between advances, so no continuation
/// runs on the thread pool while the virtual clock moves on.
/// </summary>
internal static class RestTestRun
{
    public static readonly DateTimeOffset Start = new(2026, 3, 11, 14, 41, 0, TimeSpan.Zero);

    public static TestScheduler Scheduler()
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(Start.UtcTicks);
        return scheduler;
    }

    public static (UpbitRestClient Client, ScriptedHttpHandler Handler) Client(TestScheduler scheduler, UpbitRestOptions? options = null)
    {
        var handler = new ScriptedHttpHandler(scheduler);
        var http = new HttpClient(handler);
        var client = new UpbitRestClient(http, (options ?? new UpbitRestOptions()) with { Scheduler = scheduler, BaseAddress = new Uri("https://api.upbit.com") }, ownsHttpClient: true);
        return (client, handler);
    }

    /// <summary>Starts <paramref name="call"/>, advances until it ends (at most <paramref name="limit"/> of virtual time) and returns its result.</summary>
    public static T Run<T>(TestScheduler scheduler, Func<Task<T>> call, TimeSpan? limit = null)
    {
        Task<T>? task = null;
        Drive(scheduler, () => task = call(), limit);
        return task!.GetAwaiter().GetResult();
    }

    /// <summary>Starts <paramref name="call"/> and advances until its task ends, at most <paramref name="limit"/> of virtual time.</summary>
    public static void Drive(TestScheduler scheduler, Func<Task> call, TimeSpan? limit = null)
    {
        var previous = SynchronizationContext.Current;
        var context = new PumpedContext();
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            var task = call();
            var end = scheduler.Clock + (limit ?? TimeSpan.FromMinutes(10)).Ticks;
            context.Pump();
            while (!task.IsCompleted && scheduler.Clock < end)
            {
                scheduler.AdvanceBy(TimeSpan.TicksPerMillisecond);
                context.Pump();
            }

            if (!task.IsCompleted)
            {
                throw new TimeoutException("The REST call did not end within the virtual-time bound.");
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    public static List<T> Collect<T>(TestScheduler scheduler, Func<IAsyncEnumerable<T>> sequence, TimeSpan? limit = null) =>
        Run(scheduler, () => ToListAsync(sequence()), limit);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> sequence)
    {
        var list = new List<T>();
        await foreach (var item in sequence)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Queues posted continuations until the test thread pumps them.</summary>
    private sealed class PumpedContext : SynchronizationContext
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
