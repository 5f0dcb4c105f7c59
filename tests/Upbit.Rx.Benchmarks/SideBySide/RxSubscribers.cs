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
        var keys = codes.SelectMany(code => types.Select(type => (type, code))).ToArray();
        var index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var counts = new DeliveryTally([.. keys.Select(k => $"{k.type}:{k.code}")]);
        tally = counts;
        var list = new List<IDisposable>();
        if (subscribers == 1)
        {
            list.AddRange(types.Select(type => Subscribe(client, type, codes, (code, stamp) =>
            {
                counts.First(index[(type, code)]);
                probe.Deliver(stamp);
            }, counts)));
            return list;
        }

        for (var j = 0; j < subscribers; j++)
        {
            var (type, code) = keys[j % keys.Length];
            var key = j % keys.Length;
            list.Add(j < keys.Length
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
