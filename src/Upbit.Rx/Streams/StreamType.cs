namespace Upbit.Rx.Streams;

/// <summary>
/// Whether a message is the state at request time or a live update (<c>stream_type</c>, SIMPLE <c>st</c>), or a state
/// the client polled over REST while the socket was down (<see cref="Rest"/>).
/// </summary>
public enum StreamType
{
    /// <summary>A value this library does not know yet; kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>SNAPSHOT</c>: the state when the subscription request was served.</summary>
    Snapshot,

    /// <summary><c>REALTIME</c>: a live update.</summary>
    Realtime,

    /// <summary>
    /// Not sent by Upbit: a value the client fetched over REST. Either a ticker, order book or candle polled because the
    /// public socket was down longer than <see cref="UpbitClientOptions.FallbackAfter"/>, or a trade made while the socket
    /// was down and backfilled after the reconnect (<see cref="UpbitClientOptions.BackfillTrades"/>). Fields REST does not
    /// carry are <see langword="null"/> or <c>Unknown</c> (see <see cref="Ticker"/>, <see cref="Candle"/>, <see cref="Trade"/>).
    /// </summary>
    Rest,
}
