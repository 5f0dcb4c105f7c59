using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>Per endpoint with live subscribers: exactly one open connection, and the last subscription the exchange
/// received (on that connection) holds exactly the live subscribers' keys.</summary>
internal static class WireUnionCheck
{
    public static void Check(ChaosWorld world)
    {
        foreach (var isPrivate in new[] { false, true })
        {
            var endpoint = isPrivate ? "private" : "public";
            var expected = ChaosStream.WireEntries(world.Live.Where(s => s.Stream.IsPrivate == isPrivate).Select(s => s.Stream));
            if (expected.Length == 0)
            {
                continue;
            }

            var open = world.OpenConnections(isPrivate);
            if (open.Count != 1)
            {
                world.Log.Violation(world.Attribute(ChaosInvariant.WireUnion), $"{endpoint}: {open.Count} open connections (ids {string.Join(",", open.Select(c => c.Id))}) for union [{string.Join("; ", expected)}]");
                continue;
            }

            var last = WireRequests.Subscriptions(world.Exchange).LastOrDefault(r => r.ConnectionId == open[0].Id);
            if (last is null)
            {
                world.Log.Violation(world.Attribute(ChaosInvariant.WireUnion), $"{endpoint}: conn#{open[0].Id} received no subscription; union [{string.Join("; ", expected)}]");
                continue;
            }

            var actual = WireRequests.Entries(last.Text)
                .Where(e => !e.Contains(" snapshot-only", StringComparison.Ordinal))
                .Select(e => e.Replace(" realtime", string.Empty, StringComparison.Ordinal))
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (!actual.SequenceEqual(expected))
            {
                world.Log.Violation(world.Attribute(ChaosInvariant.WireUnion), $"{endpoint}: conn#{open[0].Id} has [{string.Join("; ", actual)}] but live subscribers want [{string.Join("; ", expected)}]; last request at {ChaosLog.Format(last.Ticks)}");
            }
        }
    }
}
