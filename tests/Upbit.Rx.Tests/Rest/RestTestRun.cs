using Microsoft.Reactive.Testing;

namespace Upbit.Rx.Tests.Rest;

/// <summary>Drives a REST call to its end in virtual time, a millisecond at a time, and never past a bound.</summary>
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

    /// <summary>Advances until <paramref name="task"/> ends (at most <paramref name="limit"/> of virtual time) and returns its result.</summary>
    public static T Run<T>(TestScheduler scheduler, Task<T> task, TimeSpan? limit = null)
    {
        Drive(scheduler, task, limit);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Advances until <paramref name="task"/> ends, at most <paramref name="limit"/> of virtual time.</summary>
    public static void Drive(TestScheduler scheduler, Task task, TimeSpan? limit = null)
    {
        var end = scheduler.Clock + (limit ?? TimeSpan.FromMinutes(10)).Ticks;
        while (!task.IsCompleted && scheduler.Clock < end)
        {
            scheduler.AdvanceBy(TimeSpan.TicksPerMillisecond);
        }

        if (!task.IsCompleted)
        {
            throw new TimeoutException("The REST call did not end within the virtual-time bound.");
        }
    }

    public static List<T> Collect<T>(TestScheduler scheduler, IAsyncEnumerable<T> sequence, TimeSpan? limit = null)
    {
        var task = ToListAsync(sequence);
        return Run(scheduler, task, limit);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> sequence)
    {
        var list = new List<T>();
        await foreach (var item in sequence)
        {
            list.Add(item);
        }

        return list;
    }
}
