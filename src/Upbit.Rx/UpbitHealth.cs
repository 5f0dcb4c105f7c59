namespace Upbit.Rx;

/// <summary>
/// A snapshot of how the client's feed is doing, from <see cref="UpbitClient.GetHealth"/> or
/// <see cref="UpbitClient.Health(TimeSpan)"/>. Counters run from the client's creation.
/// </summary>
public sealed record UpbitHealth
{
    /// <summary>When the snapshot was taken (the client's scheduler clock).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The current state of each endpoint (<c>public</c>, <c>private</c>).</summary>
    public required IReadOnlyDictionary<string, ConnectionState> Connections { get; init; }

    /// <summary>How long each currently connected endpoint has been connected.</summary>
    public required IReadOnlyDictionary<string, TimeSpan> Uptime { get; init; }

    /// <summary>How many times a connection dropped and a reconnect was scheduled.</summary>
    public required long Reconnects { get; init; }

    /// <summary>Frames received.</summary>
    public required long FramesReceived { get; init; }

    /// <summary>Bytes received (after decompression).</summary>
    public required long BytesReceived { get; init; }

    /// <summary>Market and private data messages decoded and routed.</summary>
    public required long MessagesReceived { get; init; }

    /// <summary>Frames skipped because they could not be decoded.</summary>
    public required long DecodeErrors { get; init; }

    /// <summary>Messages dropped because subscribers had already seen them (replayed snapshots, repeated trades).</summary>
    public required long DuplicatesDropped { get; init; }

    /// <summary>
    /// Market messages dropped because no stream of this client asks for their key: normal for a moment after the last
    /// subscriber of a key leaves (frames already on their way), a sign of trouble when it keeps growing (the server
    /// sending what the union never asked for).
    /// </summary>
    public required long UnroutedMessages { get; init; }

    /// <summary>Trades fetched from REST after reconnects to fill what the socket missed (<see cref="UpbitClientOptions.BackfillTrades"/>).</summary>
    public required long TradesBackfilled { get; init; }

    /// <summary>Gaps in trade streams the backfill could not fill, each reported as <see cref="UpbitErrorKind.TradeGap"/>.</summary>
    public required long TradeGaps { get; init; }

    /// <summary>Subscribers detached because their OnNext threw, plus one once the configured logger has thrown (user code too).</summary>
    public required long SubscriberErrors { get; init; }

    /// <summary>Error frames Upbit sent.</summary>
    public required long ServerErrors { get; init; }

    /// <summary>Subscription requests sent.</summary>
    public required long RequestsSent { get; init; }

    /// <summary>Times a request had to wait for Upbit's rate budget.</summary>
    public required long PacerWaits { get; init; }

    /// <summary>
    /// For every subscribed stream (for example <c>ticker KRW-BTC</c>): how long since its last message, or
    /// <see langword="null"/> when none arrived yet. A large age shows a stale or silent code.
    /// </summary>
    public required IReadOnlyDictionary<string, TimeSpan?> MessageAge { get; init; }
}
