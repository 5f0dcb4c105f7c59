namespace Upbit.Rx.Server;

/// <summary>
/// What a host gives a session to reach its client. Calls arrive serially, never under the session's lock, in
/// the order the session produced them.
/// </summary>
internal interface IConnectionSink
{
    /// <summary>Delivers one whole message; <paramref name="isText"/> is false for every frame Upbit itself sends. The
    /// payload is never mutated afterwards, so a sink may keep it without copying (it must not mutate it either).</summary>
    void Send(ReadOnlyMemory<byte> payload, bool isText);

    /// <summary>Sends a close frame with <paramref name="status"/> and ends the connection.</summary>
    void Close(int status);

    /// <summary>Ends the connection without a close frame (the client sees 1006 / an abnormal drop).</summary>
    void Abort();
}
