using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// Whether a client's subscription request asks for every key a feed sends: each stream type of the feed with all 200
/// benchmark codes. The server pushes a feed's frames without looking at subscriptions, and a client drops a frame of a
/// key it has not subscribed yet (correctly: Upbit never sends one), so a run may start only once the client's request
/// covers the whole feed.
/// </summary>
/// <remarks>NB: a key can be on the wire only after its subscriber is attached to the client's router (a subscription
/// attaches first, then takes its lease on the union), so a covering request also means every frame will be routed.</remarks>
internal static class RequestCoverage
{
    /// <summary>The wire type names of a feed's streams.</summary>
    public static IReadOnlyList<string> TypesOf(FeedKind feed) => feed switch
    {
        FeedKind.Tickers => ["ticker"],
        FeedKind.Orderbooks => ["orderbook"],
        _ => ["ticker", "trade", "orderbook"],
    };

    /// <summary>
    /// Whether <paramref name="request"/>, a subscription request (a JSON array of ticket, type objects and format),
    /// lists every code of <see cref="TickerBatch.Codes"/> for each type of <paramref name="feed"/>; order book codes may
    /// carry a unit suffix (<c>KRW-T000.15</c>). <see langword="null"/> for anything that is not a subscription request
    /// (<c>PING</c>, LIST_SUBSCRIPTIONS, malformed text): it changes no subscription.
    /// </summary>
    public static bool? Covers(string request, FeedKind feed)
    {
        JArray array;
        try
        {
            array = JArray.Parse(request);
        }
        catch (JsonReaderException)
        {
            return null;
        }

        if (!array.OfType<JObject>().Any(o => o.ContainsKey("type")))
        {
            return null;
        }

        var wanted = TypesOf(feed).ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var item in array.OfType<JObject>())
        {
            if (item["type"]?.Value<string>() is not { } type || !wanted.TryGetValue(type, out var seen) || item["codes"] is not JArray codes)
            {
                continue;
            }

            foreach (var code in codes.Values<string>().OfType<string>())
            {
                var dot = code.IndexOf('.', StringComparison.Ordinal);
                seen.Add(dot < 0 ? code : code[..dot]);
            }
        }

        return wanted.Values.All(seen => TickerBatch.Codes.All(seen.Contains));
    }
}
