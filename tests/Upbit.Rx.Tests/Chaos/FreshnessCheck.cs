using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>
/// After the recovery bound of the cycle's faults has passed: every live public subscriber has received a value for each
/// of its codes since the last fault and since it subscribed; every live private subscriber receives the probe events
/// published now (two orders per code, the second with an older timestamp, and one asset update).
/// </summary>
internal sealed class FreshnessCheck(ChaosWorld world)
{
    private int _round;

    /// <summary>Publishes this round's probes; call <see cref="Check"/> once they had time to arrive.</summary>
    public (string Prefix, long Seq) Probe()
    {
        var prefix = $"probe-{world.Seed}-{++_round}-";
        var now = world.MarketMillis;
        foreach (var code in world.Exchange.Market.Codes)
        {
            world.Exchange.Publish(PrivateMessages.Order(code, prefix + code + "-a") with { OrderTimestamp = now, Timestamp = now });

            // NB: a different order with an older timestamp (an all-markets feed interleaves orders): it is news, not a repeat.
            world.Exchange.Publish(PrivateMessages.Order(code, prefix + code + "-b") with { OrderTimestamp = now - 1000, Timestamp = now - 1000 });
        }

        world.Exchange.Publish(PrivateMessages.Asset() with { AssetUuid = prefix + "asset", AssetTimestamp = now, Timestamp = now });
        world.Log.Event($"published probes {prefix}*");
        return (prefix, world.Log.Next());
    }

    public void Check((string Prefix, long Seq) probe)
    {
        var lastFault = world.Faults.Count > 0 ? world.Faults[^1].Seq : 0;
        var freshness = world.Attribute(ChaosInvariant.Freshness);
        foreach (var subscriber in world.Live.ToList())
        {
            var stream = subscriber.Stream;
            if (stream.Kind == ChaosStream.MyAsset)
            {
                Expect(subscriber, subscriber.EventIds.Contains(probe.Prefix + "asset"), freshness, "the asset probe");
                continue;
            }

            if (stream.Kind == ChaosStream.MyOrder)
            {
                foreach (var code in stream.AllMarkets ? world.Exchange.Market.Codes : stream.Codes)
                {
                    Expect(subscriber, subscriber.EventIds.Contains(probe.Prefix + code + "-a"), freshness, $"the order probe for {code}");
                    if (subscriber.EventIds.Contains(probe.Prefix + code + "-a"))
                    {
                        Expect(subscriber, subscriber.EventIds.Contains(probe.Prefix + code + "-b"), ChaosInvariant.PrivateEvents, $"the second order probe for {code} (another uuid, older timestamp)");
                    }
                }

                continue;
            }

            var reference = Math.Max(lastFault, subscriber.SubscribedSeq);
            foreach (var code in stream.Codes)
            {
                var fresh = subscriber.LastSeq.TryGetValue(code, out var seq) && seq > reference;
                Expect(subscriber, fresh, freshness, $"a value for {code} since {(reference == lastFault ? "the last fault" : "subscribing")}");
            }
        }
    }

    private void Expect(ChaosSubscriber subscriber, bool ok, ChaosInvariant invariant, string what)
    {
        if (!ok)
        {
            world.Log.Violation(invariant, $"sub#{subscriber.Id} {subscriber.Stream} (subscribed {ChaosLog.Format(subscriber.SubscribedAt)}, {subscriber.Received} values) did not get {what}");
        }
    }
}
