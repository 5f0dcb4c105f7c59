using System.Net.WebSockets;
using System.Reactive.Linq;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Benchmarks.EndToEnd;

/// <summary>The client side of a run: an <see cref="UpbitClient"/> with its subscribers, or a bare socket.</summary>
internal sealed class LoopbackSubscribers : IAsyncDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private UpbitClient? _client;
    private ClientWebSocket? _socket;
    private CancellationTokenSource? _stop;
    private Task? _receiving;

    public static async Task<LoopbackSubscribers> StartAsync(Scenario scenario, LoopbackUpbitServer server, DeliveryProbe probe, CancellationToken cancellation)
    {
        var subscribers = new LoopbackSubscribers();
        try
        {
            if (scenario.Route == Route.RawSocket)
            {
                await subscribers.ConnectRawAsync(server, probe, cancellation);
            }
            else
            {
                subscribers.Subscribe(scenario, server, probe);
            }

            return subscribers;
        }
        catch
        {
            await subscribers.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscriptions.ForEach(s => s.Dispose());
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_stop is not null)
        {
            await _stop.CancelAsync();
            _socket!.Abort();
            try
            {
                await _receiving!;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // NB: aborting the socket is how the receive loop is meant to end.
            }

            _socket.Dispose();
            _stop.Dispose();
        }
    }

    private void Subscribe(Scenario scenario, LoopbackUpbitServer server, DeliveryProbe probe)
    {
        // NB: client defaults (DEFAULT format, permessage-deflate offered), pointed at the loopback server.
        _client = new UpbitClient(new UpbitClientOptions { PublicEndpoint = server.PublicEndpoint, PrivateEndpoint = server.PrivateEndpoint, RestEndpoint = server.RestEndpoint, ValidateCodes = false });
        var codes = TickerBatch.Codes;
        if (scenario.Route == Route.Router)
        {
            for (var j = 0; j < scenario.Subscribers; j++)
            {
                var mine = scenario.Subscribers == 1 ? codes : [codes[j % codes.Count]];
                _subscriptions.Add(_client.Ticker(mine).Subscribe(probe.OnTicker));
            }

            return;
        }

        var hot = _client.Ticker(codes).Publish();
        for (var j = 0; j < scenario.Subscribers; j++)
        {
            var mine = codes[j % codes.Count];
            _subscriptions.Add(scenario.Subscribers == 1
                ? hot.Subscribe(probe.OnTicker)
                : hot.Where(t => t.Code == mine).Subscribe(probe.OnTicker));
        }

        _subscriptions.Add(hot.Connect());
    }

    private async Task ConnectRawAsync(LoopbackUpbitServer server, DeliveryProbe probe, CancellationToken cancellation)
    {
        _socket = new ClientWebSocket();
        _socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        await _socket.ConnectAsync(server.PublicEndpoint, cancellation);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _receiving = ReceiveAsync(_socket, probe, _stop.Token);
    }

    /// <summary>Frames arrive in the order sent, so the n-th frame received is message n.</summary>
    private static async Task ReceiveAsync(ClientWebSocket socket, DeliveryProbe probe, CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        long received = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (result.EndOfMessage)
            {
                probe.Record(received++);
            }
        }
    }
}
