using Upbit.Rx.WebsocketClient;

namespace Upbit.Rx.IntegrationTests.Client;

/// <summary>The transports every loopback transport test runs over: the default one and the opt-in Websocket.Client one.</summary>
public enum TransportKind
{
    /// <summary>The default <see cref="System.Net.WebSockets.ClientWebSocket"/> transport (options leave it null).</summary>
    ClientWebSocket,

    /// <summary>Upbit.Rx.WebsocketClient's <see cref="WebsocketClientTransport"/>.</summary>
    WebsocketClient,
}
