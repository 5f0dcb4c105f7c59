using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Streams;

public sealed class SubscriptionListTests
{
    private static SubscriptionList List(string[]? codes) => new()
    {
        Ticket = "t",
        Entries = [new SubscriptionListEntry { Type = "orderbook", Codes = codes, Level = 0m }],
    };

    [Test]
    public void Equals_SameEntriesAndCodesInDifferentLists_EqualWithSameHash()
    {
        var left = List(["KRW-BTC", "KRW-ETH"]);
        var right = List(["KRW-BTC", "KRW-ETH"]);

        Assert.That((left.Equals(right), left.GetHashCode() == right.GetHashCode()), Is.EqualTo((true, true)));
    }

    [Test]
    public void Equals_CodesInOtherOrder_NotEqual()
    {
        Assert.That(List(["KRW-BTC", "KRW-ETH"]), Is.Not.EqualTo(List(["KRW-ETH", "KRW-BTC"])));
    }

    [Test]
    public void Equals_NoCodesVersusEmptyCodes_NotEqual()
    {
        Assert.That(List(null), Is.Not.EqualTo(List([])));
    }

    [Test]
    public void Equals_OtherTicket_NotEqual()
    {
        Assert.That(List(null), Is.Not.EqualTo(List(null) with { Ticket = null }));
    }
}
