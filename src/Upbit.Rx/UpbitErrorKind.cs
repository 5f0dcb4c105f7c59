namespace Upbit.Rx;

/// <summary>What kind of trouble an <see cref="UpbitError"/> reports.</summary>
public enum UpbitErrorKind
{
    /// <summary>A subscriber's OnNext threw; that subscriber was detached, the others go on. Also reported once, with
    /// endpoint <c>client</c>, when the configured logger throws (its exceptions never reach the client's threads).</summary>
    SubscriberFault,

    /// <summary>A frame could not be decoded; it was skipped and the feed goes on.</summary>
    MalformedFrame,

    /// <summary>
    /// Upbit sent an error frame (the <see cref="UpbitError.Exception"/> is an <see cref="UpbitException"/>). When it is
    /// transient (<see cref="UpbitException.IsTransient"/>, for example <c>TOO_MANY_REQUESTS</c>) the client reconnects
    /// with backoff and every stream goes on; otherwise only the streams it concerns fail with that exception
    /// (<c>INVALID_AUTH</c>: the endpoint's streams, which are the private streams; <c>INVALID_PARAM</c> naming a type:
    /// that type's streams).
    /// </summary>
    ServerError,

    /// <summary>The connection failed or dropped; the client reconnects.</summary>
    ConnectionFault,

    /// <summary>
    /// Trades of a code were missed across a reconnect and could not all be fetched from REST (older than Upbit keeps,
    /// more than <see cref="UpbitClientOptions.BackfillLimit"/>, or REST failed or timed out). What could be fetched was
    /// delivered; the <see cref="UpbitError.Exception"/> is an <see cref="UpbitTradeGapException"/> naming the code and the
    /// missed id and time range. The live stream goes on.
    /// </summary>
    TradeGap,

    /// <summary>
    /// The market list could not be fetched over REST (no REST API at the endpoint's host, the network, an error
    /// answer). Codes go unchecked until a later fetch succeeds: streams start with every code and snapshot calls ask for
    /// every code. The <see cref="UpbitError.Exception"/> is the fetch's error.
    /// </summary>
    MarketListUnavailable,
}
