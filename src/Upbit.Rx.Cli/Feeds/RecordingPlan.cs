using System.Reactive.Linq;
using Upbit.Rx.Cli.Commands;
using Upbit.Rx.Cli.Recording;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Feeds;

/// <summary>
/// Which client streams a recording needs: the frames are decoded once here to learn their types, codes, depths,
/// levels and candle periods, so the client subscribes to exactly the keys the recorded messages route to.
/// </summary>
internal static class RecordingPlan
{
    private static readonly int[] Depths = [1, 5, 15, 30];

    /// <summary>The merged streams for <paramref name="frames"/>, limited to <paramref name="only"/> and <paramref name="codes"/> when given.</summary>
    /// <exception cref="CliException">Nothing in the recording matches (exit code 2).</exception>
    public static ReplayPlan Create(UpbitClient client, IReadOnlyList<RecordedFrame> frames, WatchStream? only, IReadOnlyList<string> codes)
    {
        var messages = frames
            .SelectMany(f => UpbitDecoder.Decode(f.Frame).Messages)
            .OfType<IMarketMessage>()
            .Where(m => codes.Count == 0 || codes.Contains(m.Code, StringComparer.Ordinal))
            .Where(m => only is null || Kind(m) == only)
            .ToList();
        var streams = new List<IObservable<UpbitMessage>>();
        if (only is null or WatchStream.Ticker)
        {
            streams.AddRange(Codes<Ticker>(messages).Select(c => client.Ticker(c)));
        }

        if (only is null or WatchStream.Trade)
        {
            streams.AddRange(Codes<Trade>(messages).Select(c => client.Trade(c)));
        }

        if (only is null or WatchStream.Orderbook)
        {
            streams.AddRange(messages.OfType<Orderbook>()
                .GroupBy(o => (Units: Depths.Contains(o.Units.Length) ? o.Units.Length : 30, Level: o.Level ?? 0m))
                .Select(g => client.Orderbook(g.Key.Units, g.Key.Level, g.Select(o => o.Code).Distinct(StringComparer.Ordinal))));
        }

        if (only is null or WatchStream.Candle)
        {
            streams.AddRange(messages.OfType<Candle>()
                .GroupBy(c => c.Interval)
                .Select(g => client.Candle(g.Key, g.Select(c => c.Code).Distinct(StringComparer.Ordinal))));
        }

        return streams.Count > 0
            ? new ReplayPlan(frames, streams.Merge(), messages.Count)
            : throw CliException.Usage($"the recording holds no {(only is null ? "ticker, trade, orderbook or candle" : only.ToString()!.ToLowerInvariant())} messages{(codes.Count > 0 ? " for " + string.Join(' ', codes) : "")}");
    }

    private static WatchStream? Kind(IMarketMessage message) => message switch
    {
        Ticker => WatchStream.Ticker,
        Trade => WatchStream.Trade,
        Orderbook => WatchStream.Orderbook,
        Candle => WatchStream.Candle,
        _ => null,
    };

    private static IEnumerable<string[]> Codes<T>(IEnumerable<IMarketMessage> messages)
        where T : IMarketMessage
    {
        string[] codes = [.. messages.OfType<T>().Select(m => m.Code).Distinct(StringComparer.Ordinal)];
        return codes.Length == 0 ? [] : [codes];
    }
}
