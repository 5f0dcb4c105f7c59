using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>Marks a current value as what Upbit sends first for a new subscription.</summary>
internal static class Snapshots
{
    /// <summary><paramref name="message"/> with <c>stream_type</c> SNAPSHOT (the same instance when it already is).</summary>
    public static UpbitMessage Mark(UpbitMessage message) => message switch
    {
        Ticker { StreamType: not StreamType.Snapshot } t => t with { StreamType = StreamType.Snapshot },
        Trade { StreamType: not StreamType.Snapshot } t => t with { StreamType = StreamType.Snapshot },
        Orderbook { StreamType: not StreamType.Snapshot } o => o with { StreamType = StreamType.Snapshot },
        Candle { StreamType: not StreamType.Snapshot } c => c with { StreamType = StreamType.Snapshot },
        _ => message,
    };
}
