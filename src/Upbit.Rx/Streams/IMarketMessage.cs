namespace Upbit.Rx.Streams;

/// <summary>
/// A stream record that belongs to one pair code. The operators in <c>Upbit.Rx.Operators</c> that work per code
/// (coalescing, throttling) accept any sequence of these.
/// </summary>
public interface IMarketMessage
{
    /// <summary>The pair code, for example <c>KRW-BTC</c> (never with an orderbook <c>.N</c> suffix).</summary>
    string Code { get; }

    /// <summary>Whether this is the snapshot served at request time or a live update.</summary>
    StreamType StreamType { get; }

    /// <summary>The server timestamp of the message in Unix milliseconds (<c>timestamp</c>).</summary>
    long Timestamp { get; }
}
