namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>The clients compared side by side; each runs in its own process.</summary>
internal enum ClientKind
{
    /// <summary>A bare <c>ClientWebSocket</c> that receives every frame and parses nothing (it reads the send stamp
    /// of the paced frames only).</summary>
    Raw,

    /// <summary>A bare <c>ClientWebSocket</c> plus <see cref="UpbitDecoder.Decode(ReadOnlySpan{byte})"/> on every frame.</summary>
    RawDecode,

    /// <summary>Three bare <c>ClientWebSocket</c>s plus <see cref="UpbitDecoder.Decode(ReadOnlySpan{byte})"/>, each with
    /// its own receive loop, the server sending each stream type on its own socket: the shape of a client that opens
    /// one socket per subscribe call (JKorf's Upbit.Net), so its decoding runs on every core. On a feed of one type the
    /// first socket gets every frame.</summary>
    RawDecode3,

    /// <summary><see cref="RawDecode"/> that also keeps the latest decoded message of every key, as any client that shows
    /// or trades on the current state must: it separates what keeping that state costs in memory (the values outlive
    /// young-generation collections) from what the library's own machinery costs. Asked for by name only.</summary>
    RawDecodeKeep,

    /// <summary><see cref="UpbitClient"/> as shipped (frames of 2 KB or more that back up decoded in parallel), compression
    /// off, one subscriber per stream type of the feed.</summary>
    Rx1,

    /// <summary><see cref="Rx1"/> with parallel decoding off (<see cref="UpbitClientOptions.DecodeInParallel"/> false: every
    /// frame decoded on the receive loop), to compare both in one run.</summary>
    Rx1Inline,

    /// <summary><see cref="UpbitClient"/>, compression off, 1,000 subscribers spread round-robin over the feed's keys.</summary>
    Rx1000,

    /// <summary><see cref="Rx1000"/> with parallel decoding off, as <see cref="Rx1Inline"/> is to <see cref="Rx1"/>.</summary>
    Rx1000Inline,

    /// <summary><see cref="UpbitClient"/> as <see cref="Rx1"/> but with permessage-deflate (the client's default).</summary>
    RxDeflate,

    /// <summary><see cref="UpbitClient"/> over the Websocket.Client transport, compression off, one subscriber per type.</summary>
    WsClient,
}

/// <summary>What the harness needs to know of a <see cref="ClientKind"/>.</summary>
internal static class ClientKinds
{
    /// <summary>Bare sockets of the benchmark's own, not an <see cref="UpbitClient"/>: the server pushes to them without
    /// waiting for a subscription request.</summary>
    public static bool IsBareSocket(this ClientKind kind) => kind is ClientKind.Raw or ClientKind.RawDecode or ClientKind.RawDecode3 or ClientKind.RawDecodeKeep;

    /// <summary>Kinds the default comparison leaves out; each answers a question of its own and is run by name.</summary>
    public static bool ByNameOnly(this ClientKind kind) => kind is ClientKind.Rx1000Inline or ClientKind.RawDecodeKeep;
}
