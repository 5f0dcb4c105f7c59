using NUnit.Framework;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Tests.Subscriptions;

public sealed class SubscriptionRegistryTests
{
    [Test]
    public void Acquire_TwoHoldersOfOneKey_OneUnionEntryAndOneChange()
    {
        var registry = new SubscriptionRegistry();
        var changes = 0;
        registry.Changed += (_, _) => changes++;

        using var first = registry.Acquire([StreamKey.Ticker("KRW-BTC")]);
        using var second = registry.Acquire([StreamKey.Ticker("KRW-BTC")]);

        Assert.That((registry.Union.ToArray(), registry.CountOf(StreamKey.Ticker("KRW-BTC")), changes), Is.EqualTo((new[] { StreamKey.Ticker("KRW-BTC") }, 2, 1)));
    }

    [Test]
    public void Dispose_LastHolderLeaves_KeyRemovedAndChangeRaised()
    {
        var registry = new SubscriptionRegistry();
        var changes = new List<(bool Private, bool Public)>();
        registry.Changed += (priv, pub) => changes.Add((priv, pub));
        var first = registry.Acquire([StreamKey.Ticker("KRW-BTC")]);
        var second = registry.Acquire([StreamKey.Ticker("KRW-BTC")]);

        first.Dispose();
        var afterFirst = registry.Union.Length;
        second.Dispose();
        second.Dispose();

        Assert.That((afterFirst, registry.Union.Length, changes), Is.EqualTo((1, 0, new List<(bool, bool)> { (false, true), (false, true) })));
    }

    [Test]
    public void Changed_PrivateKey_ReportsPrivateSide()
    {
        var registry = new SubscriptionRegistry();
        (bool Private, bool Public) seen = default;
        registry.Changed += (priv, pub) => seen = (priv, pub);

        using var lease = registry.Acquire([StreamKey.MyAsset()]);

        Assert.That(seen, Is.EqualTo((true, false)));
    }

    [Test]
    public void AcquireDispose_ThousandConcurrentFromSeveralThreads_UnionEqualsLiveKeys()
    {
        var registry = new SubscriptionRegistry();
        var codes = Enumerable.Range(0, 20).Select(i => $"KRW-C{i}").ToArray();
        var kept = new System.Collections.Concurrent.ConcurrentBag<(IDisposable Lease, string Code)>();

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var code = codes[i % codes.Length];
            var lease = registry.Acquire([StreamKey.Ticker(code)]);
            if (i % 3 == 0)
            {
                kept.Add((lease, code));
            }
            else
            {
                lease.Dispose();
            }
        });

        var expected = kept.Select(k => StreamKey.Ticker(k.Code)).Distinct().OrderBy(k => k.Code).ToArray();
        Assert.That(registry.Union.OrderBy(k => k.Code).ToArray(), Is.EqualTo(expected));
    }
}
