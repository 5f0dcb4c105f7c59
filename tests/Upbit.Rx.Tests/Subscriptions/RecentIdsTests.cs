using NUnit.Framework;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Tests.Subscriptions;

/// <summary>The identity ring behind event deduplication: exact, and bounded.</summary>
public sealed class RecentIdsTests
{
    [Test]
    public void Add_SameIdTwice_SecondRefused()
    {
        var ids = new RecentIds<long>(4);

        var added = new[] { ids.Add(7), ids.Add(7), ids.Add(8) };

        Assert.That(added, Is.EqualTo(new[] { true, false, true }));
    }

    [Test]
    public void Add_MoreThanCapacity_OldestForgottenNewerStillKnown()
    {
        var ids = new RecentIds<long>(3);
        foreach (var id in new long[] { 1, 2, 3, 4 })
        {
            ids.Add(id);
        }

        var readded = new[] { ids.Add(1), ids.Add(4), ids.Add(3) };

        Assert.That(readded, Is.EqualTo(new[] { true, false, false }), "1 fell out of the ring; 3 and 4 are still in it");
    }

    [Test]
    public void Add_ManyDistinctIds_NeverHoldsMoreThanCapacity()
    {
        var ids = new RecentIds<long>(16);
        for (var id = 0L; id < 10_000; id++)
        {
            ids.Add(id);
        }

        var forgotten = Enumerable.Range(0, 9_984).Count(i => ids.Add(i));

        Assert.That(forgotten, Is.EqualTo(9_984), "only the last 16 ids are remembered");
    }
}
