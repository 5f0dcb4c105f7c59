using System.Globalization;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>One stream a churned subscriber asks for: a kind, its codes and, per kind, depth, level or interval.</summary>
/// <param name="Kind">Ticker, trade, orderbook, candle, myOrder or myAsset.</param>
/// <param name="Codes">The codes; empty for myAsset and for myOrder over all markets.</param>
/// <param name="Units">Orderbook depth (1, 5, 15, 30).</param>
/// <param name="Level">Orderbook price grouping (0 = tick size).</param>
/// <param name="Interval">Candle period.</param>
internal sealed record ChaosStream(string Kind, IReadOnlyList<string> Codes, int Units = 0, decimal Level = 0m, CandleInterval Interval = CandleInterval.OneSecond)
{
    public const string Ticker = "ticker";
    public const string Trade = "trade";
    public const string Orderbook = "orderbook";
    public const string Candle = "candle";
    public const string MyOrder = "myOrder";
    public const string MyAsset = "myAsset";

    private static readonly string[] CandleNames = ["1s", "1m", "3m", "5m", "10m", "15m", "30m", "60m", "240m"];

    public bool IsPrivate => Kind is MyOrder or MyAsset;

    /// <summary>The wire type name, as in a request's type object.</summary>
    public string TypeName => Kind == Candle ? "candle." + CandleNames[(int)Interval] : Kind;

    /// <summary>Whether the stream takes every market (myAsset, myOrder without codes).</summary>
    public bool AllMarkets => Codes.Count == 0;

    public IDisposable Subscribe(UpbitClient client, IObserver<UpbitMessage> observer) => Kind switch
    {
        Ticker => client.Ticker(Codes).Subscribe(observer),
        Trade => client.Trade(Codes).Subscribe(observer),
        Orderbook => client.Orderbook(Units, Level, Codes).Subscribe(observer),
        Candle => client.Candle(Interval, Codes).Subscribe(observer),
        MyOrder => client.MyOrder(Codes).Subscribe(observer),
        _ => client.MyAsset().Subscribe(observer),
    };

    /// <summary>
    /// The wire entries of a set of streams, written as <c>WireRequests.Entries</c> writes a request: orderbooks of one
    /// code and level collapse to the largest depth wanted; myOrder over all markets absorbs the coded myOrders.
    /// </summary>
    public static string[] WireEntries(IEnumerable<ChaosStream> streams)
    {
        var list = streams.ToList();
        var entries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in list.Where(s => s.Kind == Orderbook).SelectMany(s => s.Codes.Select(c => (Code: c, s.Level, s.Units))).GroupBy(x => (x.Code, x.Level)))
        {
            var level = group.Key.Level == 0m ? string.Empty : " level=" + group.Key.Level.ToString("0.############", CultureInfo.InvariantCulture);
            entries.Add($"orderbook {group.Key.Code}.{group.Max(x => x.Units)}{level}");
        }

        var allOrders = list.Any(s => s.Kind == MyOrder && s.AllMarkets);
        foreach (var stream in list.Where(s => s.Kind != Orderbook))
        {
            if (stream.Kind == MyAsset || (stream.Kind == MyOrder && allOrders))
            {
                entries.Add(stream.TypeName + " *");
                continue;
            }

            foreach (var code in stream.Codes)
            {
                entries.Add($"{stream.TypeName} {code}");
            }
        }

        return [.. entries];
    }

    public override string ToString()
    {
        var codes = AllMarkets ? "*" : string.Join(",", Codes);
        return Kind switch
        {
            Orderbook => $"orderbook {codes} units={Units} level={Level.ToString(CultureInfo.InvariantCulture)}",
            Candle => $"{TypeName} {codes}",
            _ => $"{Kind} {codes}",
        };
    }
}
