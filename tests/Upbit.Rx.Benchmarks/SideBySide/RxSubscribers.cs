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
        var keys = FeedKeys.Of(feed);
        var types = keys.Types;
        var codes = keys.Codes;
        var codeIndex = keys.CodeIndex;
        var counts = new DeliveryTally(keys.Names);
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
            var key = j % keys.Names.Length;
            var type = types[key % types.Length];
            var code = codes[key / types.Length];
            list.Add(j < keys.Names.Length
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
