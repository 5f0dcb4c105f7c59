using System.Collections.Immutable;
using Upbit.Rx.Protocol;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Connection;

/// <summary>Turns the registry's subscriber keys into the keys that go on the wire.</summary>
internal static class WireKeys
{
    /// <summary>
    /// Filters the union to one endpoint and collapses orderbook keys to one per code and level with the
    /// largest unit count any subscriber wants (each subscriber trims to its own depth).
    /// </summary>
    public static ImmutableArray<StreamKey> Collapse(ImmutableArray<StreamKey> union, Func<StreamKey, bool> owns)
    {
        var result = ImmutableArray.CreateBuilder<StreamKey>(union.Length);
        Dictionary<StreamKey, int>? depth = null;
        foreach (var key in union)
        {
            if (!owns(key))
            {
                continue;
            }

            if (key.Kind != StreamKind.Orderbook)
            {
                result.Add(key);
                continue;
            }

            depth ??= [];
            var route = Router.RouteKeyOf(key);
            depth[route] = Math.Max(depth.GetValueOrDefault(route), key.OrderbookUnits);
        }

        if (depth is not null)
        {
            foreach (var (route, units) in depth)
            {
                result.Add(route with { OrderbookUnits = units });
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The Upbit <c>type</c> value of a key (<c>ticker</c>, <c>candle.1m</c>, <c>myOrder</c> …).</summary>
    public static string TypeName(StreamKey key) => WireNames.TypeName(key.Kind, key.Interval);
}
