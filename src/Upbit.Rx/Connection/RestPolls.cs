using System.Collections.Immutable;
using Upbit.Rx.Rest;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Connection;

/// <summary>
/// Plans one fallback round of a rate-limit group from the wire union: all ticker codes in one <c>/v1/ticker</c> request;
/// one <c>/v1/orderbook</c> request per level for all its codes, with the largest unit count any code needs, each book
/// trimmed back to the units its wire key carries (so a polled book equals the socket's for the same state); one
/// <c>/v1/candles</c> request (count 1: the current candle) per code and interval, since that endpoint takes one market.
/// </summary>
internal static class RestPolls
{
    /// <summary>The requests of one round of <paramref name="group"/>; empty when the union has nothing of that type.</summary>
    public static IReadOnlyList<RestPoll> Plan(RestGroup group, ImmutableArray<StreamKey> wire) => group switch
    {
        RestGroup.Ticker => Tickers(wire),
        RestGroup.Orderbook => Orderbooks(wire),
        RestGroup.Candles => Candles(wire),
        _ => [],
    };

    private static List<RestPoll> Tickers(ImmutableArray<StreamKey> wire)
    {
        var codes = wire.Where(k => k.Kind == StreamKind.Ticker).Select(k => k.Code).Distinct(StringComparer.Ordinal).ToArray();
        if (codes.Length == 0)
        {
            return [];
        }

        return
        [
            new RestPoll(
                RestGroup.Ticker,
                () => $"GET /v1/ticker for {codes.Length} code(s)",
                async (rest, token) =>
                {
                    var tickers = await rest.GetTickersAsync(codes, token);
                    return [.. tickers.Select(t => t with { StreamType = StreamType.Rest })];
                }),
        ];
    }

    private static List<RestPoll> Orderbooks(ImmutableArray<StreamKey> wire)
    {
        var polls = new List<RestPoll>();
        foreach (var level in wire.Where(k => k.Kind == StreamKind.Orderbook).GroupBy(k => k.OrderbookLevel))
        {
            var units = level.GroupBy(k => k.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(k => k.OrderbookUnits), StringComparer.Ordinal);
            var count = Math.Clamp(units.Values.Max(), 1, 30);
            var levelValue = level.Key;
            polls.Add(new RestPoll(
                RestGroup.Orderbook,
                () => $"GET /v1/orderbook for {units.Count} code(s) at level {levelValue}",
                async (rest, token) =>
                {
                    var books = await rest.GetOrderbooksAsync(units.Keys, count, levelValue, token);
                    return [.. books.Select(b => Trim(b, units.GetValueOrDefault(b.Code, count)))];
                }));
        }

        return polls;
    }

    private static List<RestPoll> Candles(ImmutableArray<StreamKey> wire) =>
    [
        .. wire.Where(k => k.Kind == StreamKind.Candle).Distinct().Select(k => new RestPoll(
            RestGroup.Candles,
            () => $"GET /v1/candles for {k.Code} {k.Interval}",
            async (rest, token) =>
            {
                var candles = await rest.GetCandlesAsync(k.Code, k.Interval, 1, cancellationToken: token);
                return [.. candles.Select(c => c with { StreamType = StreamType.Rest })];
            })),
    ];

    private static Orderbook Trim(Orderbook book, int units) => book with
    {
        Units = book.Units.Length > units && units > 0 ? ImmutableArray.Create(book.Units, 0, units) : book.Units,
        StreamType = StreamType.Rest,
    };
}
