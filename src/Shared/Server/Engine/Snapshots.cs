using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>Sets a value's <c>stream_type</c> to what Upbit would send on a route: SNAPSHOT first, REALTIME after.</summary>
internal static class Snapshots
{
    /// <summary><paramref name="message"/> with <c>stream_type</c> SNAPSHOT (the same instance when it already is).</summary>
    public static UpbitMessage Mark(UpbitMessage message) => As(message, StreamType.Snapshot);

    /// <summary><paramref name="message"/> with <c>stream_type</c> REALTIME (the same instance when it already is): a
    /// source's snapshot or REST-polled value reaching a route that already had its first value, or wants realtime only.</summary>
    public static UpbitMessage Realtime(UpbitMessage message) => As(message, StreamType.Realtime);

    private static UpbitMessage As(UpbitMessage message, StreamType type) => message switch
    {
        Ticker t when t.StreamType != type => t with { StreamType = type },
        Trade t when t.StreamType != type => t with { StreamType = type },
        Orderbook o when o.StreamType != type => o with { StreamType = type },
        Candle c when c.StreamType != type => c with { StreamType = type },
        _ => message,
    };
}
