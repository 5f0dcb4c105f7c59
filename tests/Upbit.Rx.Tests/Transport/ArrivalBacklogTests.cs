using NUnit.Framework;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Tests.Transport;

/// <summary>The backlog guess of a transport whose socket cannot say what waits behind a frame, on a hand-driven clock.</summary>
public sealed class ArrivalBacklogTests
{
    private const long Gap = 20;

    [Test]
    public void Arrived_FirstFrame_NoBacklog()
    {
        var now = 1_000L;
        var backlog = new ArrivalBacklog(() => now, Gap);

        Assert.That(backlog.Arrived(), Is.False);
    }

    [Test]
    public void Arrived_WithinTheGapOfTheLastHandOut_Backlog()
    {
        var now = 1_000L;
        var backlog = new ArrivalBacklog(() => now, Gap);
        backlog.Arrived();
        backlog.HandedOut();

        now += Gap - 1;

        Assert.That(backlog.Arrived(), Is.True);
    }

    [Test]
    public void Arrived_AtOrAfterTheGap_NoBacklog()
    {
        var now = 1_000L;
        var backlog = new ArrivalBacklog(() => now, Gap);
        backlog.HandedOut();

        now += Gap;

        Assert.That(backlog.Arrived(), Is.False);
    }

    [Test]
    public void Arrived_GapCountsFromTheHandOutNotTheArrival_SlowDeliveryDoesNotLookLikeABacklog()
    {
        // NB: a frame that took long to decode and deliver says nothing of the socket; only the turn-around after it does.
        var now = 1_000L;
        var backlog = new ArrivalBacklog(() => now, Gap);
        backlog.Arrived();
        now += 10 * Gap;
        backlog.HandedOut();
        now += 1;

        Assert.That(backlog.Arrived(), Is.True);
    }

    [Test]
    public void Arrived_BurstThenPause_BacklogOnlyInsideTheBurst()
    {
        var now = 0L;
        var backlog = new ArrivalBacklog(() => now, Gap);
        var seen = new List<bool>();
        foreach (var gap in new long[] { 1_000, 2, 3, 2, 5_000, 4 })
        {
            now += gap;
            seen.Add(backlog.Arrived());
            backlog.HandedOut();
        }

        Assert.That(seen, Is.EqualTo(new[] { false, true, true, true, false, true }));
    }
}
