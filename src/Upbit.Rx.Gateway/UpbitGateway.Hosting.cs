using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Upbit.Rx.Gateway.Rest;
using Upbit.Rx.Server;

namespace Upbit.Rx.Gateway;

/// <summary>Sockets: the Kestrel server, its shared token, and stopping.</summary>
public sealed partial class UpbitGateway
{
    private readonly object _hostGate = new();
    private readonly LiveConnections _live = new();
    private WebApplication? _app;
    private RestProxy? _rest;
    private bool _disposed;

    /// <summary>The downstream WebSocket endpoint, <c>ws://{address}:{port}/websocket/v1</c>, once started.</summary>
    public Uri? Endpoint { get; private set; }

    /// <summary>The REST quotation proxy's base address, <c>http://{address}:{port}/</c> (paths under <c>/v1/…</c>), once
    /// started.</summary>
    public Uri? RestEndpoint { get; private set; }

    /// <summary>Starts serving downstream sockets (and the REST proxy) on <see cref="UpbitGatewayOptions.BindAddress"/>
    /// and <see cref="UpbitGatewayOptions.Port"/>.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The downstream endpoint.</returns>
    /// <exception cref="InvalidOperationException">Already started, or disposed.</exception>
    /// <exception cref="IOException">The address or port cannot be bound.</exception>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_hostGate)
        {
            if (_disposed || _rest is not null)
            {
                throw new InvalidOperationException(_disposed ? "The gateway is disposed." : "The gateway is already started.");
            }

            _rest = new RestProxy(Options);
        }

        var rest = _rest;
        var (app, port) = await KestrelHost.StartAsync(
            Options.BindAddress, Options.Port, _hub, _live, rest.HandleAsync, IsAdmitted, cancellationToken);
        var host = Options.BindAddress.ToString();
        host = Options.BindAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
        host = IPAddress.Any.Equals(Options.BindAddress) || IPAddress.IPv6Any.Equals(Options.BindAddress) ? Dns.GetHostName() : host;
        lock (_hostGate)
        {
            _app = app;
            Endpoint = new Uri($"ws://{host}:{port}{EndpointPaths.Public}");
            RestEndpoint = new Uri($"http://{host}:{port}/");
        }

        return Endpoint;
    }

    /// <summary>Drops every downstream connection, stops the server and releases every upstream key (the upstream
    /// client stays the caller's).</summary>
    /// <returns>Completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        WebApplication? app;
        lock (_hostGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            app = _app;
        }

        _live.AbortAll();
        _hub.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        _rest?.Dispose();
        _states.Dispose();
        _failures.Dispose();
        _source.Dispose();
    }

    /// <summary>With a shared token, a request carries it as a bearer token or the <c>token</c> query parameter.</summary>
    private bool IsAdmitted(HttpContext context)
    {
        if (Options.AccessToken is not { } token)
        {
            return true;
        }

        var presented = context.Request.Query["token"].FirstOrDefault();
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        if (presented is null && authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            presented = authorization["Bearer ".Length..];
        }

        return presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(token));
    }
}
