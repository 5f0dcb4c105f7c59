namespace Upbit.Rx.Transport;

/// <summary>The sending half of an open connection, handed out by <see cref="TransportEventKind.Opened"/>.</summary>
/// <remarks>The client calls <see cref="Send"/> from its own serialized context, never two calls at once.</remarks>
public abstract class UpbitTransportChannel
{
    /// <summary>
    /// Completes once the connection is fully closed after the subscription that opened it was disposed: the close
    /// handshake finished, or the transport gave up on it (after a short grace). Never faults. The client waits for
    /// it before it opens the next connection to the same endpoint, so that no event of the old connection follows
    /// one of the new.
    /// </summary>
    /// <value>Default: an already completed task, for a transport with nothing to wait for.</value>
    public virtual Task Closed => Task.CompletedTask;

    /// <summary>
    /// Queues one text frame. Never blocks and never throws for a closed or broken connection: a send that cannot be
    /// delivered is lost together with the connection, which the receive sequence reports.
    /// </summary>
    /// <param name="text">The frame's text (Upbit requests are JSON arrays).</param>
    public abstract void Send(string text);
}
