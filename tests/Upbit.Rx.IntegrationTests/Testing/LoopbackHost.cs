using System.Net.WebSockets;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.IntegrationTests.Testing;

/// <summary>The loopback host: a real Kestrel server on 127.0.0.1 and <see cref="ClientWebSocket"/> clients.
/// Waiting is real time, bounded by <see cref="Patience"/>.</summary>
public sealed class LoopbackHost : IExchangeHost
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly LoopbackUpbitServer _server;
    private readonly List<LoopbackClient> _clients = [];

    private LoopbackHost(LoopbackUpbitServer server) => _server = server;

    public FakeUpbitExchange Exchange => _server.Exchange;

    public LoopbackUpbitServer Server => _server;

    public static async Task<LoopbackHost> StartAsync(FakeExchangeOptions options)
    {
        using var cancel = new CancellationTokenSource(Patience);
        return new LoopbackHost(await LoopbackUpbitServer.StartAsync(options, cancellationToken: cancel.Token));
    }

    public async Task<IFakeClient> ConnectAsync(bool isPrivate = false, string? authorization = null)
    {
        var socket = new ClientWebSocket();
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }

        using var cancel = new CancellationTokenSource(Patience);
        try
        {
            await socket.ConnectAsync(isPrivate ? _server.PrivateEndpoint : _server.PublicEndpoint, cancel.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var client = new LoopbackClient(socket);
        _clients.Add(client);
        return client;
    }

    public Task PassAsync(TimeSpan span) => Task.Delay(span);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await _server.DisposeAsync();
    }
}
