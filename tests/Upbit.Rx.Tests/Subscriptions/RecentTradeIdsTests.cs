using NUnit.Framework;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Tests.Subscriptions;

/// <summary>The trade id ring: the same answers as <see cref="RecentIds{TId}"/>, for ids in any order.</summary>
public sealed class RecentTradeIdsTests
{
    [Test]
    public void Add_SameIdTwice_SecondRefused()
    {
        var ids = new RecentTradeIds(4);

        var added = new[] { ids.Add(7), ids.Add(7), ids.Add(8) };

        Assert.That(added, Is.EqualTo(new[] { true, false, true }));
    }

    [Test]
    public void Add_MoreThanCapacity_OldestForgottenNewerStillKnown()
    {
        var ids = new RecentTradeIds(3);
        foreach (var id in new long[] { 1, 2, 3, 4 })
        {
            ids.Add(id);
        }

        var readded = new[] { ids.Add(1), ids.Add(4), ids.Add(3) };

        Assert.That(readded, Is.EqualTo(new[] { true, false, false }), "1 fell out of the ring; 3 and 4 are still in it");
    }

    [Test]
    public void Add_OlderIdThanTheNewest_FoundOnlyIfSeen()
    {
        var ids = new RecentTradeIds(8);
        foreach (var id in new long[] { 10, 30, 20 })
        {
            ids.Add(id);
        }

        var answers = new[] { ids.Add(20), ids.Add(25), ids.Add(10), ids.Add(25) };

        Assert.That(answers, Is.EqualTo(new[] { false, true, false, false }));
    }

    [Test]
    public void Add_RandomIds_AgreesWithRecentIds()
    {
        var random = new Random(15);
        var ring = new RecentTradeIds(64);
        var reference = new RecentIds<long>(64);

        var disagreements = Enumerable.Range(0, 20_000).Select(_ => (long)random.Next(500)).Count(id => ring.Add(id) != reference.Add(id));

        Assert.That(disagreements, Is.EqualTo(0));
    }
}
