using System.Net;
using Microsoft.AspNetCore.Builder;
using Upbit.Rx.Server;
using Upbit.Rx.Testing.Hosting;

namespace Upbit.Rx.Testing;

/// <summary>
/// A real WebSocket and HTTP server on 127.0.0.1 that behaves like Upbit, backed by a <see cref="FakeUpbitExchange"/>:
/// serves <c>/websocket/v1</c>, <c>/websocket/v1/private</c> and the REST quotation API under <c>/v1/…</c>
/// (gzip when accepted), sends every message as a binary frame, negotiates
/// permessage-deflate when the client offers it, answers RFC 6455 pings and never sends its own, puts
/// <c>remaining-req</c> and <c>limit-by-ip</c> on the upgrade response and refuses upgrades over the limit with 429.
/// </summary>
/// <example><code>
/// await using var server = await LoopbackUpbitServer.StartAsync();
/// using var socket = new ClientWebSocket();
/// await socket.ConnectAsync(server.PublicEndpoint, cancellationToken);
/// </code></example>
public sealed class LoopbackUpbitServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LiveConnections _live;

    private LoopbackUpbitServer(WebApplication app, LiveConnections live, FakeUpbitExchange exchange, int port)
    {
        _app = app;
        _live = live;
        Exchange = exchange;
        PublicEndpoint = new Uri($"ws://127.0.0.1:{port}{ConnectionRecord.PublicPath}");
        PrivateEndpoint = new Uri($"ws://127.0.0.1:{port}{ConnectionRecord.PrivatePath}");
        RestEndpoint = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>The public endpoint, <c>ws://127.0.0.1:{port}/websocket/v1</c>.</summary>
    public Uri PublicEndpoint { get; }

    /// <summary>The private endpoint, <c>ws://127.0.0.1:{port}/websocket/v1/private</c>.</summary>
    public Uri PrivateEndpoint { get; }

    /// <summary>The REST base address, <c>http://127.0.0.1:{port}/</c>: the quotation API under <c>/v1/…</c> on the same
    /// port as the sockets, as Upbit serves both from one host.</summary>
    public Uri RestEndpoint { get; }

    /// <summary>The exchange behind the sockets: its market, observation logs and fault injection.</summary>
    public FakeUpbitExchange Exchange { get; }

    /// <summary>Starts a server on 127.0.0.1. ASP.NET Core's own logging is off.</summary>
    /// <param name="options">Exchange settings; <see langword="null"/> for the defaults. Keep a real-time scheduler.</param>
    /// <param name="port">The TCP port; 0 (default) picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static async Task<LoopbackUpbitServer> StartAsync(FakeExchangeOptions? options = null, int port = 0, CancellationToken cancellationToken = default)
    {
        var exchange = new FakeUpbitExchange(options);
        var live = new LiveConnections();
        try
        {
            var (app, bound) = await KestrelHost.StartAsync(
                IPAddress.Loopback,
                port,
                exchange.Hub,
                live,
                context => LoopbackRest.HandleAsync(context, exchange.Rest, exchange.Options.Scheduler),
                _ => true,
                cancellationToken);
            return new LoopbackUpbitServer(app, live, exchange, bound);
        }
        catch
        {
            exchange.Dispose();
            throw;
        }
    }

    /// <summary>Drops every connection at once (no close handshake, so a silent client cannot delay it), refuses
    /// upgrades that arrive meanwhile with 503, and stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        _live.AbortAll();
        Exchange.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
