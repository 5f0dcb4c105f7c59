using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// The subscribers of an <see cref="UpbitClient"/> run. One subscriber: one subscription per stream type of the feed,
/// over all 200 codes. Many: subscriber <c>j</c> takes key <c>j % keys</c> (a type and one code); the first subscriber
/// of each key reports to the probe, the others only count.
/// </summary>
internal static class RxSubscribers
{
    public static List<IDisposable> Subscribe(UpbitClient client, FeedKind feed, int subscribers, ClientProbe probe)
    {
        var types = feed switch
        {
            FeedKind.Tickers => new[] { StreamKind.Ticker },
            FeedKind.Orderbooks => [StreamKind.Orderbook],
            _ => [StreamKind.Ticker, StreamKind.Trade, StreamKind.Orderbook],
        };
        var codes = TickerBatch.Codes;
        var list = new List<IDisposable>();
        if (subscribers == 1)
        {
            list.AddRange(types.Select(type => Subscribe(client, type, codes, probe.Deliver)));
            return list;
        }

        var keys = codes.SelectMany(code => types.Select(type => (type, code))).ToArray();
        long others = 0;
        for (var j = 0; j < subscribers; j++)
        {
            var (type, code) = keys[j % keys.Length];
            list.Add(j < keys.Length
                ? Subscribe(client, type, [code], probe.Deliver)
                : Subscribe(client, type, [code], _ => others++));
        }

        return list;
    }

    private static IDisposable Subscribe(UpbitClient client, StreamKind type, IReadOnlyList<string> codes, Action<long> report)
    {
        // NB: only the server's stamped frames count; the simulator's snapshots carry real (small) timestamps.
        void onStamp(long stamp)
        {
            if (stamp >= 0)
            {
                report(stamp);
            }
        }

        return Stamped(client, type, codes, onStamp);
    }

    private static IDisposable Stamped(UpbitClient client, StreamKind type, IReadOnlyList<string> codes, Action<long> onStamp) => type switch
    {
        StreamKind.Ticker => client.Ticker(codes).Subscribe(t => onStamp(t.Timestamp - FeedFrames.StampBase)),
        StreamKind.Trade => client.Trade(codes).Subscribe(t => onStamp(t.Timestamp - FeedFrames.StampBase)),
        _ => client.Orderbook(codes).Subscribe(o => onStamp(o.Timestamp - FeedFrames.StampBase)),
    };
}
