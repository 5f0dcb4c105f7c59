using System.Net.WebSockets;
using System.Reactive.Linq;
using Upbit.Rx.Transport;

namespace Upbit.Rx.WebsocketClient;

/// <summary>
/// An opt-in <see cref="UpbitTransport"/> over Websocket.Client: one <c>WebsocketClient</c> per connection, with its
/// own reconnection switched off, because the <see cref="UpbitClient"/> owns reconnects (on its scheduler, with
/// backoff and the connect budget). Opt in with <c>new UpbitClientOptions { Transport = new WebsocketClientTransport() }</c>.
/// </summary>
/// <remarks>
/// <para>The <see cref="ClientWebSocket"/> underneath is configured as the default transport configures its own: the
/// request's upgrade headers (the signed <c>Authorization</c> of the private endpoint), permessage-deflate when
/// <see cref="TransportRequest.Compression"/> asks for it, and RFC 6455 protocol pings every
/// <see cref="KeepAliveInterval"/>. Binary frames (Upbit's) are passed on as bytes, not converted to text.</para>
/// <para>NB: Websocket.Client reassembles a whole message before handing it out, so a message over
/// <see cref="TransportRequest.MaxMessageBytes"/> fails the connection once it has arrived; the default transport
/// stops reading at the cap instead. docs/decisions/0003 says why the default stays <see cref="ClientWebSocket"/>.</para>
/// </remarks>
public sealed class WebsocketClientTransport : UpbitTransport
{
    /// <summary>Creates the transport with protocol pings every 20 seconds (the client's default keep-alive).</summary>
    public WebsocketClientTransport()
        : this(TimeSpan.FromSeconds(20))
    {
    }

    /// <summary>Creates the transport.</summary>
    /// <param name="keepAliveInterval">How often the socket sends a protocol ping; a missing pong within the same time
    /// fails the connection. Set it to <see cref="UpbitClientOptions.KeepAliveInterval"/> to match the default transport.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepAliveInterval"/> is not positive.</exception>
    public WebsocketClientTransport(TimeSpan keepAliveInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(keepAliveInterval, TimeSpan.Zero);
        KeepAliveInterval = keepAliveInterval;
    }

    /// <summary>How often the socket sends a protocol ping.</summary>
    /// <value>Default 20 seconds.</value>
    public TimeSpan KeepAliveInterval { get; }

    /// <inheritdoc/>
    public override IObservable<TransportEvent> Connect(TransportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Observable.Create<TransportEvent>(observer =>
        {
            var connection = new WebsocketClientConnection(request, observer, () => CreateSocket(request));
            connection.Start();
            return connection;
        });
    }

    private ClientWebSocket CreateSocket(TransportRequest request)
    {
        var socket = new ClientWebSocket();
        foreach (var (name, value) in request.Headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        if (request.Compression)
        {
            socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        }

        socket.Options.KeepAliveInterval = KeepAliveInterval;
        socket.Options.KeepAliveTimeout = KeepAliveInterval;
        return socket;
    }
}
