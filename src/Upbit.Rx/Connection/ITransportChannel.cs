namespace Upbit.Rx.Connection;

/// <summary>The sending half of an open connection, handed out by <see cref="TransportEventKind.Opened"/>.</summary>
internal interface ITransportChannel
{
    /// <summary>
    /// Queues one text frame. Never blocks and never throws for a closed socket: a send that cannot be
    /// delivered is lost together with the connection, which the receive sequence reports.
    /// </summary>
    void Send(string text);
}
