using Upbit.Rx.Connection;
using Upbit.Rx.Transport;
using Upbit.Rx.WebsocketClient;

namespace Upbit.Rx.IntegrationTests.Client;

/// <summary>Creates the transport of a <see cref="TransportKind"/>.</summary>
internal static class Transports
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    /// <summary>What <see cref="UpbitClientOptions.Transport"/> gets: null selects the client's own default.</summary>
    public static UpbitTransport? ForOptions(TransportKind kind) => kind == TransportKind.ClientWebSocket ? null : Create(kind);

    /// <summary>A transport instance, for tests that drive the seam directly.</summary>
    public static UpbitTransport Create(TransportKind kind) => kind switch
    {
        TransportKind.ClientWebSocket => new WebSocketTransport(KeepAlive),
        TransportKind.WebsocketClient => new WebsocketClientTransport(KeepAlive),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a transport."),
    };
}
