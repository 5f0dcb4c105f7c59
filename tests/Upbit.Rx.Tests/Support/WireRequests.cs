using Newtonsoft.Json.Linq;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Support;

/// <summary>Reads what clients sent to the fake exchange, in a form assertions can compare.</summary>
internal static class WireRequests
{
    /// <summary>Subscription requests only (no PING, no LIST_SUBSCRIPTIONS), in arrival order.</summary>
    public static IReadOnlyList<ReceivedRequest> Subscriptions(FakeUpbitExchange exchange) =>
        [.. exchange.Requests.Where(r => r.Text.StartsWith('[') && !r.Text.Contains("LIST_SUBSCRIPTIONS", StringComparison.Ordinal))];

    /// <summary>
    /// The type objects of a request as "type code flag" strings, sorted, e.g. <c>ticker KRW-BTC</c>,
    /// <c>ticker KRW-ETH realtime</c>, <c>orderbook KRW-BTC.15 snapshot-only</c>.
    /// </summary>
    public static string[] Entries(string request)
    {
        var entries = new List<string>();
        foreach (var item in JArray.Parse(request).OfType<JObject>())
        {
            if (item["type"]?.Value<string>() is not { } type)
            {
                continue;
            }

            var flag = item["is_only_realtime"]?.Value<bool>() == true ? " realtime"
                : item["is_only_snapshot"]?.Value<bool>() == true ? " snapshot-only" : string.Empty;
            var level = item["level"] is { } l ? $" level={l}" : string.Empty;
            var codes = item["codes"]?.Values<string>().ToArray() ?? ["*"];
            entries.AddRange(codes.Select(c => $"{type} {c}{flag}{level}"));
        }

        entries.Sort(StringComparer.Ordinal);
        return [.. entries];
    }

    /// <summary>The entries of the last subscription request.</summary>
    public static string[] Last(FakeUpbitExchange exchange) => Entries(Subscriptions(exchange)[^1].Text);
}
