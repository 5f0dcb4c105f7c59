using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// The keys of a feed, as the per-key <see cref="DeliveryTally"/> counts them: key <c>k</c> is
/// (<c>Types[k % Types.Length]</c>, <c>Codes[k / Types.Length]</c>), code-major.
/// </summary>
/// <remarks>NB: a delivery's key is found with a code-to-index dictionary of strings, not a dictionary of (type, code)
/// tuples built with LINQ: the harness must not add generic instantiations over value types (their code and runtime
/// type data, about 0.2 MB) to the client process whose memory it measures.</remarks>
internal sealed class FeedKeys
{
    private FeedKeys(StreamKind[] types, IReadOnlyList<string> codes)
    {
        Types = types;
        Codes = codes;
        CodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        Names = new string[codes.Count * types.Length];
        for (var c = 0; c < codes.Count; c++)
        {
            CodeIndex[codes[c]] = c;
            for (var t = 0; t < types.Length; t++)
            {
                Names[(c * types.Length) + t] = $"{types[t]}:{codes[c]}";
            }
        }
    }

    public StreamKind[] Types { get; }

    public IReadOnlyList<string> Codes { get; }

    public Dictionary<string, int> CodeIndex { get; }

    public string[] Names { get; }

    public static FeedKeys Of(FeedKind feed) => new(
        feed switch
        {
            FeedKind.Tickers => [StreamKind.Ticker],
            FeedKind.Orderbooks => [StreamKind.Orderbook],
            _ => [StreamKind.Ticker, StreamKind.Trade, StreamKind.Orderbook],
        },
        TickerBatch.Codes);

    /// <summary>The key of a message of type <paramref name="type"/> for <paramref name="code"/>.</summary>
    public int IndexOf(StreamKind type, string code)
    {
        var t = 0;
        while (Types[t] != type)
        {
            t++;
        }

        return (CodeIndex[code] * Types.Length) + t;
    }
}
