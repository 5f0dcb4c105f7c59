using NUnit.Framework;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>The chaos harness's own timing: a quiet period must cover every recovery a correct client can need, or the
/// suite fails a correct client depending on which connection a pick happened to hit.</summary>
public sealed class ChaosRunTests
{
    [Test]
    public void Settle_RefusalsLeftOverMeetALateSubscribe_ProbeWaitsUntilTheClientConnected()
    {
        using var world = new ChaosWorld(seed: 1);
        var churn = new ChurnDriver(world);
        var faults = new FaultInjector(world);
        var freshness = new FreshnessCheck(world);
        churn.Subscribe(new ChaosStream(ChaosStream.MyOrder, ["KRW-ETH"]));
        world.AdvanceBy(TimeSpan.FromSeconds(5));
        var lingering = world.OpenConnections(isPrivate: true).Single();

        // NB: the last private subscriber leaves, then refusals are injected and its lingering connection dropped: the
        // endpoint goes idle, so the refusals wait for whichever connect comes next.
        churn.Dispose(world.Subscribers[0]);
        world.Exchange.RefuseNextConnections(4);
        world.Exchange.Drop(lingering.Id);
        world.AdvanceBy(TimeSpan.FromSeconds(30));
        var refusedBefore = world.Exchange.Upgrades.Count(u => u.Status == 429);
        churn.Subscribe(new ChaosStream(ChaosStream.MyOrder, ["KRW-ETH"]));

        ChaosRun.Settle(world, faults, world.Now + ChaosSettings.Margin.Ticks);
        var probe = freshness.Probe();
        world.AdvanceBy(TimeSpan.FromSeconds(4));
        freshness.Check(probe);

        Assert.That(refusedBefore, Is.Zero, "no connect used the refusals before the late subscribe");
        Assert.That(world.Exchange.Upgrades.Count(u => u.Status == 429), Is.EqualTo(4), "the late subscribe met all four");
        Assert.That(world.Log.Violations, Is.Empty);
    }
}
