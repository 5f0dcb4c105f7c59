using System.Reactive.Concurrency;
using NUnit.Framework;
using Upbit.Rx.Cli.Feeds;

namespace Upbit.Rx.Tests.Cli.Feeds;

public sealed class ReplaySchedulerTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Schedule_SameDelay_RunInScheduleOrderOnOneThreadAbsoluteTimesToo(CancellationToken cancellation)
    {
        using var scheduler = new ReplayScheduler();
        var runs = new List<(int Index, int Thread)>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var delay = TimeSpan.FromMilliseconds(50);
        for (var i = 0; i < 20; i++)
        {
            var index = i;
            Action act = () =>
            {
                runs.Add((index, Environment.CurrentManagedThreadId));
                if (index == 19)
                {
                    done.SetResult();
                }
            };

            // NB: the last one by absolute time, well after the others: it must run on the same loop, after them.
            _ = index == 19 ? scheduler.Schedule(scheduler.Now + delay * 4, act) : scheduler.Schedule(delay, act);
        }

        await done.Task.WaitAsync(cancellation);

        Assert.That(runs.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 20)));
        Assert.That(runs.Select(r => r.Thread).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Schedule_AfterDispose_DroppedWithoutThrowing()
    {
        var scheduler = new ReplayScheduler();
        scheduler.Dispose();

        Assert.That(() => scheduler.Schedule(() => { }), Throws.Nothing);
        Assert.That(() => scheduler.Schedule(scheduler.Now.AddMinutes(5), () => { }), Throws.Nothing);
        Assert.That(() => scheduler.Schedule(TimeSpan.FromSeconds(1), () => { }), Throws.Nothing);
    }
}
