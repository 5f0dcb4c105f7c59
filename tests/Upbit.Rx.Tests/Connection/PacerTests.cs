using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Connection;

namespace Upbit.Rx.Tests.Connection;

public sealed class PacerTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;
    private static readonly long Millisecond = TimeSpan.TicksPerMillisecond;

    [Test]
    public void Signal_ThousandInOneTick_OneRequestWithFinalUnion()
    {
        var scheduler = new TestScheduler();
        var union = 0;
        var sent = new List<(long Time, string Text)>();
        using var pacer = new Pacer(scheduler, 5, 100, () => $"u{union}", text => sent.Add((scheduler.Clock, text)));
        scheduler.ScheduleAbsolute(100, () =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                union++;
                pacer.Signal();
            }
        });

        scheduler.Start();

        Assert.That(sent, Is.EqualTo(new[] { (101L, "u1000") }));
        Assert.That((pacer.Sent, pacer.Waits), Is.EqualTo((1L, 0L)));
    }

    [Test]
    public void Signal_TwentyChangesPerSecondForTwoMinutes_WithinLimitsAndEndsOnFinalUnion()
    {
        var scheduler = new TestScheduler();
        var union = 0;
        var sent = new List<(long Time, string Text)>();
        using var pacer = new Pacer(scheduler, 5, 100, () => $"u{union}", text => sent.Add((scheduler.Clock, text)));
        for (var k = 0; k < 2_400; k++)
        {
            scheduler.ScheduleAbsolute(Second + (k * 50 * Millisecond), () =>
            {
                union++;
                pacer.Signal();
            });
        }

        scheduler.Start();

        var times = sent.Select(s => new DateTimeOffset(s.Time, TimeSpan.Zero)).ToList();
        Assert.That(RequestBudgetTests.MaxInAnyWindow(times, TimeSpan.FromSeconds(1)), Is.EqualTo(5));
        Assert.That(RequestBudgetTests.MaxInAnyWindow(times, TimeSpan.FromMinutes(1)), Is.InRange(99, 100));
        Assert.That(sent[^1].Text, Is.EqualTo("u2400"));

        // NB: smoothing spreads the minute's budget, so churn is never left unsent for long.
        var longestGap = sent.Zip(sent.Skip(1), (a, b) => b.Time - a.Time).Max();
        Assert.That((sent.Count, longestGap), Is.EqualTo((190, 8 * 100 * Millisecond)));
    }

    [Test]
    public void Signal_IdleThenBurstOverOneMillisecond_FewRequestsAndLastIsFinal()
    {
        var scheduler = new TestScheduler();
        var union = 0;
        var sent = new List<(long Time, string Text)>();
        using var pacer = new Pacer(scheduler, 5, 100, () => $"u{union}", text => sent.Add((scheduler.Clock, text)));
        scheduler.ScheduleAbsolute(Second, () =>
        {
            union++;
            pacer.Signal();
        });
        for (var i = 0; i < 1_000; i++)
        {
            scheduler.ScheduleAbsolute((600 * Second) + i, () =>
            {
                union++;
                pacer.Signal();
            });
        }

        scheduler.Start();

        Assert.That(sent.Count, Is.EqualTo(7), "1 before the idle period, 5 at once in the burst, 1 after the second frees up");
        Assert.That(sent[0], Is.EqualTo((Second + 1, "u1")));
        Assert.That(sent[^1].Text, Is.EqualTo("u1001"));
        Assert.That(RequestBudgetTests.MaxInAnyWindow([.. sent.Select(s => new DateTimeOffset(s.Time, TimeSpan.Zero))], TimeSpan.FromSeconds(1)), Is.LessThanOrEqualTo(5));
    }

    [Test]
    public void Signal_CoalescingDelay_BurstWithinDelayIsOneRequest()
    {
        var scheduler = new TestScheduler();
        var union = 0;
        var sent = new List<(long Time, string Text)>();
        using var pacer = new Pacer(scheduler, 5, 100, () => $"u{union}", text => sent.Add((scheduler.Clock, text)), TimeSpan.FromMilliseconds(5));
        for (var i = 0; i < 1_000; i++)
        {
            scheduler.ScheduleAbsolute(Second + (i * 40), () =>
            {
                union++;
                pacer.Signal();
            });
        }

        scheduler.Start();

        Assert.That(sent, Is.EqualTo(new[] { (Second + (5 * Millisecond), "u1000") }));
    }

    [Test]
    public void Signal_SixthWithinASecond_WaitsAndCountsOneWait()
    {
        var scheduler = new TestScheduler();
        var union = 0;
        var sent = new List<long>();
        using var pacer = new Pacer(scheduler, 5, 100, () => $"u{union}", _ => sent.Add(scheduler.Clock));
        for (var i = 0; i < 6; i++)
        {
            scheduler.ScheduleAbsolute(Second + (i * 10 * Millisecond), () =>
            {
                union++;
                pacer.Signal();
            });
        }

        scheduler.Start();

        var first = Second + 1;
        Assert.That(sent, Is.EqualTo(new[] { first, first + (10 * Millisecond), first + (20 * Millisecond), first + (30 * Millisecond), first + (40 * Millisecond), first + Second }));
        Assert.That(pacer.Waits, Is.EqualTo(1));
    }

    [Test]
    public void Reset_BudgetExhausted_NextRequestGoesAtOnce()
    {
        var scheduler = new TestScheduler();
        var union = 0;
        var sent = new List<(long Time, string Text)>();
        using var pacer = new Pacer(scheduler, 5, 100, () => $"u{union}", text => sent.Add((scheduler.Clock, text)));
        for (var i = 0; i < 6; i++)
        {
            scheduler.ScheduleAbsolute(Second + (i * 10 * Millisecond), () =>
            {
                union++;
                pacer.Signal();
            });
        }

        scheduler.ScheduleAbsolute(Second + (100 * Millisecond), () =>
        {
            pacer.Reset();
            pacer.Signal();
        });

        scheduler.Start();

        Assert.That(sent.Select(s => s.Text), Is.EqualTo(new[] { "u1", "u2", "u3", "u4", "u5", "u6" }));
        Assert.That(sent[^1].Time, Is.EqualTo(Second + (100 * Millisecond) + 1));
    }

    [Test]
    public void Enqueue_OneOffs_SentInOrderAfterUnionAndCountedAgainstBudget()
    {
        var scheduler = new TestScheduler();
        var sent = new List<(long Time, string Text)>();
        using var pacer = new Pacer(scheduler, 5, 100, () => "union", text => sent.Add((scheduler.Clock, text)));
        scheduler.ScheduleAbsolute(Second, () =>
        {
            for (var i = 1; i <= 5; i++)
            {
                pacer.Enqueue($"list{i}");
            }

            pacer.Signal();
        });

        scheduler.Start();

        Assert.That(sent.Select(s => s.Text), Is.EqualTo(new[] { "union", "list1", "list2", "list3", "list4", "list5" }));
        Assert.That(sent[^1].Time, Is.EqualTo(Second + 1 + Second));
    }

    [Test]
    public void Signal_BuildReturnsNull_NothingSentAndNoBudgetUsed()
    {
        var scheduler = new TestScheduler();
        string? union = null;
        var sent = new List<(long Time, string Text)>();
        using var pacer = new Pacer(scheduler, 1, 100, () => union, text => sent.Add((scheduler.Clock, text)));
        scheduler.ScheduleAbsolute(10, pacer.Signal);
        scheduler.ScheduleAbsolute(20, () =>
        {
            union = "u";
            pacer.Signal();
        });

        scheduler.Start();

        Assert.That(sent, Is.EqualTo(new[] { (21L, "u") }));
    }

    [Test]
    public void Dispose_PendingWait_NothingMoreSent()
    {
        var scheduler = new TestScheduler();
        var sent = new List<string>();
        var pacer = new Pacer(scheduler, 1, 100, () => "u", sent.Add);
        scheduler.ScheduleAbsolute(10, pacer.Signal);
        scheduler.ScheduleAbsolute(20, pacer.Signal);
        scheduler.ScheduleAbsolute(30, pacer.Dispose);
        scheduler.ScheduleAbsolute(40, pacer.Signal);

        scheduler.Start();

        Assert.That(sent, Is.EqualTo(new[] { "u" }));
    }

    [Test]
    public void Signal_ConcurrentFromManyThreads_OneRequestWithFinalUnion()
    {
        var scheduler = new TestScheduler();
        var union = 0;
        var sent = new List<string>();
        using var pacer = new Pacer(scheduler, 5, 100, () => $"u{Volatile.Read(ref union)}", sent.Add);

        Parallel.For(0, 10_000, _ =>
        {
            Interlocked.Increment(ref union);
            pacer.Signal();
        });
        scheduler.Start();

        Assert.That(sent, Is.EqualTo(new[] { "u10000" }));
    }

    [Test]
    public void Constructor_BadArguments_Throw()
    {
        var scheduler = new TestScheduler();

        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Pacer(scheduler, 0, 100, () => null, _ => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Pacer(scheduler, 5, 100, () => null, _ => { }, TimeSpan.FromTicks(-1)));
        Assert.Throws<ArgumentNullException>(() => _ = new Pacer(null!, 5, 100, () => null, _ => { }));
    }

    [Test]
    public void Enqueue_BeforeUnion_GoesFirstAndSharesTheBudget()
    {
        var scheduler = new TestScheduler();
        var union = 0;
        var sent = new List<(long Time, string Text)>();
        using var pacer = new Pacer(scheduler, 5, 100, () => $"u{union}", text => sent.Add((scheduler.Clock, text)));
        scheduler.ScheduleAbsolute(100, () =>
        {
            pacer.Enqueue("LIST");
            union++;
            pacer.Signal();
            pacer.Enqueue("PING", beforeUnion: true);
        });
        for (var k = 1; k <= 4; k++)
        {
            scheduler.ScheduleAbsolute(100 + (k * 10 * Millisecond), () =>
            {
                union++;
                pacer.Signal();
            });
        }

        scheduler.Start();

        Assert.That(sent.Select(x => x.Text).Take(3), Is.EqualTo(new[] { "PING", "u1", "LIST" }));
        Assert.That(sent.Count(x => x.Time < 100 + Second), Is.EqualTo(5), "the PING took one of the five slots of the first second");
        Assert.That(sent[^1].Text, Is.EqualTo("u5"));
    }
}
