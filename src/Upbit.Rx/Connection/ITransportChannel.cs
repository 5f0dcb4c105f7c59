namespace Upbit.Rx.Connection;

/// <summary>The sending half of an open connection, handed out by <see cref="TransportEventKind.Opened"/>.</summary>
internal interface ITransportChannel
{
    /// <summary>
    /// Queues one text frame. Never blocks and never throws for a closed socket: a send that cannot be
    /// delivered is lost together with the connection, which the receive sequence reports.
    /// </summary>
    void Send(string text);

    /// <summary>
    /// Completes once the connection is fully closed after the subscription that opened it was disposed: the close
    /// handshake finished, or the transport gave up on it (the real transport aborts after a short grace). Never
    /// faults. Default: already complete (a transport with nothing to wait for).
    /// </summary>
    Task Closed => Task.CompletedTask;
}
