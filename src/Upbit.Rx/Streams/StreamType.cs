namespace Upbit.Rx.Streams;

/// <summary>Whether a message is the state at request time or a live update (<c>stream_type</c>, SIMPLE <c>st</c>).</summary>
public enum StreamType
{
    /// <summary>A value this library does not know yet; kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>SNAPSHOT</c>: the state when the subscription request was served.</summary>
    Snapshot,

    /// <summary><c>REALTIME</c>: a live update.</summary>
    Realtime,
}
