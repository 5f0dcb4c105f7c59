namespace Upbit.Rx.Transport;

/// <summary>
/// The seam under <see cref="UpbitClient"/> for "a connection that carries frames", as
/// <c>HttpMessageHandler</c> sits under <c>HttpClient</c>. The default implementation wraps
/// <see cref="System.Net.WebSockets.ClientWebSocket"/>; the package Upbit.Rx.WebsocketClient offers one over
/// Websocket.Client, and the fake exchange in Upbit.Rx.Testing serves one in memory. Plug one in with
/// <see cref="UpbitClientOptions.Transport"/>.
/// </summary>
/// <remarks>
/// <para>The contract of <see cref="Connect"/>, which the client relies on:</para>
/// <list type="bullet">
/// <item><description>Cold: each subscription opens one new connection; nothing happens before a subscription. The
/// client never reuses a sequence and owns reconnecting: a transport must not reconnect by itself.</description></item>
/// <item><description>The sequence yields <see cref="TransportEventKind.Opened"/> exactly once, when the upgrade
/// succeeded, carrying the <see cref="UpbitTransportChannel"/> that sends; then any number of
/// <see cref="TransportEventKind.Frame"/>s, one per whole (reassembled) message.</description></item>
/// <item><description>A close frame from the server yields <see cref="TransportEventKind.Closed"/> followed by
/// OnCompleted. A failed upgrade, an abnormal drop (no close frame, network error) or a message larger than
/// <see cref="TransportRequest.MaxMessageBytes"/> is OnError; a refused upgrade should be a
/// <see cref="System.Net.WebSockets.WebSocketException"/> whose message names the HTTP status (for example
/// <c>'429'</c>), as <see cref="System.Net.WebSockets.ClientWebSocket"/> reports it.</description></item>
/// <item><description>Events are delivered serially (never two OnNext calls at once), and a frame's
/// <see cref="TransportEvent.Payload"/> is valid only during its OnNext: the transport may reuse the buffer.</description></item>
/// <item><description>A frame may say whether more frames already wait behind it
/// (<see cref="TransportEvent.HasBacklog"/>, the three-argument <see cref="TransportEvent.Frame(ReadOnlyMemory{byte}, bool, bool)"/>);
/// it only decides where frames are decoded, never whether or in which order they are delivered, and
/// <see langword="false"/> (the two-argument overload) is always safe.</description></item>
/// <item><description>Disposing the subscription is a client close: start the close handshake and deliver nothing
/// more. It must not block; <see cref="UpbitTransportChannel.Closed"/> reports when the handshake is over.</description></item>
/// </list>
/// </remarks>
public abstract class UpbitTransport
{
    /// <summary>Describes (cold) one connection to <see cref="TransportRequest.Endpoint"/>; see the class remarks for the contract.</summary>
    /// <param name="request">Where to connect, with which upgrade headers, compression and size cap.</param>
    /// <returns>The connection's events: Opened, then Frames, then Closed and OnCompleted, or OnError.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public abstract IObservable<TransportEvent> Connect(TransportRequest request);
}
