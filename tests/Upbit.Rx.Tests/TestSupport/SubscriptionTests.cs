using System.Globalization;
using Microsoft.Reactive.Testing;
using NUnit.Framework;

namespace Upbit.Rx.Tests.TestSupport;

public sealed class SubscriptionTests
{
    [Test]
    public void Constructor_SubscribeOnly_UnsubscribeIsInfinite()
    {
        var subscription = new Subscription(200);

        Assert.That((subscription.Subscribe, subscription.Unsubscribe), Is.EqualTo((200L, long.MaxValue)));
    }

    [TestCase(200, 1000, 200, 1000, true)]
    [TestCase(200, 1000, 200, 999, false)]
    [TestCase(200, 1000, 201, 1000, false)]
    public void Equals_BothTimes_ComparedTogether(long s1, long u1, long s2, long u2, bool expected)
    {
        var a = new Subscription(s1, u1);
        var b = new Subscription(s2, u2);

        Assert.That((a.Equals(b), a == b, a != b), Is.EqualTo((expected, expected, !expected)));
    }

    [Test]
    public void ToString_FiniteAndInfinite_Formatted()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        Assert.That((new Subscription(200, 1000).ToString(), new Subscription(200).ToString()), Is.EqualTo(("(200, 1000)", "(200, Infinite)")));
    }
}
