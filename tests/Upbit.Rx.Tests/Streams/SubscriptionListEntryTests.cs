using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Streams;

public sealed class SubscriptionListEntryTests
{
    [Test]
    public void Equals_EqualCodesInDifferentArrays_Equal()
    {
        var left = new SubscriptionListEntry { Type = "ticker", Codes = ["KRW-BTC"], Level = null };
        var right = new SubscriptionListEntry { Type = "ticker", Codes = new List<string> { "KRW-BTC" }, Level = null };

        Assert.That((left.Equals(right), left.GetHashCode() == right.GetHashCode()), Is.EqualTo((true, true)));
    }

    [Test]
    public void Equals_LevelDiffers_NotEqual()
    {
        var entry = new SubscriptionListEntry { Type = "orderbook", Codes = ["KRW-BTC"], Level = 0m };

        Assert.That(entry, Is.Not.EqualTo(entry with { Level = 10000m }));
    }
}
