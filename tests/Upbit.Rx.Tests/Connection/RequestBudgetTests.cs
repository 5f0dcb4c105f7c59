using NUnit.Framework;
using Upbit.Rx.Connection;

namespace Upbit.Rx.Tests.Connection;

public sealed class RequestBudgetTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void WaitBefore_FreshBudget_Zero()
    {
        Assert.That(new RequestBudget(5, 100).WaitBefore(T0), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void WaitBefore_FiveSentAtOnce_WaitsUntilFirstLeavesTheSecond()
    {
        var budget = new RequestBudget(5, 100);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            waits.Add(budget.WaitBefore(T0));
            budget.Record(T0);
        }

        Assert.That(waits, Is.EqualTo(Enumerable.Repeat(TimeSpan.Zero, 5)));
        Assert.That(budget.WaitBefore(T0.AddMilliseconds(300)), Is.EqualTo(TimeSpan.FromMilliseconds(700)));
        Assert.That(budget.WaitBefore(T0.AddSeconds(1)), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void WaitBefore_BurstAllowanceSpent_WaitsForSmoothingToken()
    {
        // Capacity 10 tokens, refill 90 per minute (1.5/s): 5 at 0 s, 5 at 1 s (tokens 10 → 5 → 6.5 → 1.5),
        // 3 at 2 s (1.5 + 1.5 = 3 → 0): the next token is 1/1.5 s away.
        var budget = new RequestBudget(5, 100);
        Send(budget, T0, 5);
        Send(budget, T0.AddSeconds(1), 5);
        Send(budget, T0.AddSeconds(2), 3);

        Assert.That(budget.WaitBefore(T0.AddSeconds(2)), Is.EqualTo(TimeSpan.FromTicks(6_666_667)));
    }

    [Test]
    public void WaitBefore_MinuteLimitReached_WaitsUntilOldestLeavesTheMinute()
    {
        // NB: per-second limit equal to the minute's leaves no room for smoothing, so only the hard windows apply.
        var budget = new RequestBudget(100, 100);
        Send(budget, T0, 100);

        Assert.That(budget.WaitBefore(T0.AddSeconds(15)), Is.EqualTo(TimeSpan.FromSeconds(45)));
    }

    [Test]
    public void WaitBefore_ClockWentBackwards_NeverMoreThanAMinute()
    {
        var budget = new RequestBudget(5, 100);
        Send(budget, T0.AddMinutes(10), 5);

        Assert.That(budget.WaitBefore(T0), Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void Reset_AfterExhaustion_FreshBudget()
    {
        var budget = new RequestBudget(5, 100);
        Send(budget, T0, 5);

        budget.Reset();

        Assert.That(budget.WaitBefore(T0), Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(5, 100)]
    [TestCase(2, 7)]
    [TestCase(10, 30)]
    public void Record_GreedyForTenMinutes_NoWindowExceedsEitherLimit(int perSecond, int perMinute)
    {
        var budget = new RequestBudget(perSecond, perMinute);
        var sent = new List<DateTimeOffset>();
        var now = T0;
        while (now < T0.AddMinutes(10))
        {
            var wait = budget.WaitBefore(now);
            if (wait > TimeSpan.Zero)
            {
                now += wait;
                continue;
            }

            budget.Record(now);
            sent.Add(now);
        }

        Assert.That(MaxInAnyWindow(sent, TimeSpan.FromSeconds(1)), Is.EqualTo(perSecond));
        // NB: token waits round up to whole ticks, so greedy sending may leave one request of the minute unused.
        Assert.That(MaxInAnyWindow(sent, TimeSpan.FromMinutes(1)), Is.InRange(perMinute - 1, perMinute));
    }

    [Test]
    public void Constructor_LimitBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new RequestBudget(0, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new RequestBudget(5, 0));
    }

    internal static int MaxInAnyWindow(IReadOnlyList<DateTimeOffset> sent, TimeSpan window)
    {
        // NB: a window holding the most sends can always be slid to start at one of them, so these are all windows.
        var max = 0;
        for (int start = 0, end = 0; start < sent.Count; start++)
        {
            while (end < sent.Count && sent[end] < sent[start] + window)
            {
                end++;
            }

            max = Math.Max(max, end - start);
        }

        return max;
    }

    private static void Send(RequestBudget budget, DateTimeOffset at, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.That(budget.WaitBefore(at), Is.EqualTo(TimeSpan.Zero));
            budget.Record(at);
        }
    }

    [Test]
    public void WaitBefore_MarginGiven_SixthWaitsForWindowPlusMargin()
    {
        var budget = new RequestBudget(5, 100, TimeSpan.FromMilliseconds(250));
        var start = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            budget.Record(start);
        }

        Assert.That(budget.WaitBefore(start), Is.EqualTo(TimeSpan.FromMilliseconds(1250)));
    }
}
