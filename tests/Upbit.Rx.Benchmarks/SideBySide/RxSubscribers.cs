using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// The subscribers of an <see cref="UpbitClient"/> run. One subscriber: one subscription per stream type of the feed,
/// over all 200 codes. Many: subscriber <c>j</c> takes key <c>j % keys</c> (a type and one code); the first subscriber
/// of each key reports to the probe, the others only count. Every delivery is also counted per key in a
/// <see cref="DeliveryTally"/>.
/// </summary>
internal static class RxSubscribers
{
    public static List<IDisposable> Subscribe(UpbitClient client, FeedKind feed, int subscribers, ClientProbe probe, out DeliveryTally tally)
    {
        StreamKind[] types = feed switch
        {
            FeedKind.Tickers => [StreamKind.Ticker],
            FeedKind.Orderbooks => [StreamKind.Orderbook],
            _ => [StreamKind.Ticker, StreamKind.Trade, StreamKind.Orderbook],
        };
        var codes = TickerBatch.Codes;

        // NB: key k is (types[k % types.Length], codes[k / types.Length]), code-major as before; it is found from a
        // delivery by a code-to-index dictionary of strings, not a dictionary of (type, code) tuples built with LINQ: the
        // harness must not add generic instantiations over value types (their code and runtime type data, about 0.2 MB)
        // to the client process whose memory it measures.
        var codeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new string[codes.Count * types.Length];
        for (var c = 0; c < codes.Count; c++)
        {
            codeIndex[codes[c]] = c;
            for (var t = 0; t < types.Length; t++)
            {
                names[(c * types.Length) + t] = $"{types[t]}:{codes[c]}";
            }
        }

        var counts = new DeliveryTally(names);
        tally = counts;
        var list = new List<IDisposable>();
        if (subscribers == 1)
        {
            for (var t = 0; t < types.Length; t++)
            {
                var typeIndex = t;
                list.Add(Subscribe(client, types[t], codes, (code, stamp) =>
                {
                    counts.First((codeIndex[code] * types.Length) + typeIndex);
                    probe.Deliver(stamp);
                }, counts));
            }

            return list;
        }

        for (var j = 0; j < subscribers; j++)
        {
            var key = j % names.Length;
            var type = types[key % types.Length];
            var code = codes[key / types.Length];
            list.Add(j < names.Length
                ? Subscribe(client, type, [code], (_, stamp) =>
                {
                    counts.First(key);
                    probe.Deliver(stamp);
                }, counts)
                : Subscribe(client, type, [code], (_, _) => counts.Other(), counts));
        }

        return list;
    }

    private static IDisposable Subscribe(UpbitClient client, StreamKind type, IReadOnlyList<string> codes, Action<string, long> report, DeliveryTally counts)
    {
        // NB: only the server's stamped frames count; the simulator's snapshots carry real (small) timestamps.
        void onStamp(string code, long stamp)
        {
            counts.Enter();
            try
            {
                if (stamp >= 0)
                {
                    report(code, stamp);
                }
                else
                {
                    counts.Unstamped();
                }
            }
            finally
            {
                counts.Leave();
            }
        }

        return Stamped(client, type, codes, onStamp);
    }

    private static IDisposable Stamped(UpbitClient client, StreamKind type, IReadOnlyList<string> codes, Action<string, long> onStamp) => type switch
    {
        StreamKind.Ticker => client.Ticker(codes).Subscribe(t => onStamp(t.Code, t.Timestamp - FeedFrames.StampBase)),
        StreamKind.Trade => client.Trade(codes).Subscribe(t => onStamp(t.Code, t.Timestamp - FeedFrames.StampBase)),
        _ => client.Orderbook(codes).Subscribe(o => onStamp(o.Code, o.Timestamp - FeedFrames.StampBase)),
    };
}
