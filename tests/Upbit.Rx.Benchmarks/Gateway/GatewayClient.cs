using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Benchmarks.Gateway;

/// <summary>One downstream socket of the gateway benchmark: counts frames; a probe also decodes them and records the
/// arrival time of each message by identity, for the latency the gateway adds.</summary>
internal sealed class GatewayClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private long _frames;

    public long Frames => Interlocked.Read(ref _frames);

    public Dictionary<string, long>? Arrivals { get; private set; }

    public static async Task<GatewayClient> ConnectAsync(Uri endpoint, string request, bool probe)
    {
        var client = new GatewayClient { Arrivals = probe ? [] : null };
        await client._socket.ConnectAsync(endpoint, CancellationToken.None);
        await client.SendAsync(request);
        client._receiving = Task.Run(client.ReceiveAsync);
        return client;
    }

    public Task SendAsync(string request) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
    }

    /// <summary>A message's identity, the same upstream and downstream.</summary>
    public static string? Identity(UpbitMessage message) => message switch
    {
        Trade t => "t" + t.SequentialId,
        Ticker t => "k" + t.Code + t.Timestamp,
        Orderbook o => "o" + o.Code + o.Timestamp,
        _ => null,
    };

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (true)
            {
                var count = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), _stop.Token);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                Interlocked.Increment(ref _frames);
                if (Arrivals is { } arrivals)
                {
                    var at = Stopwatch.GetTimestamp();
                    foreach (var message in UpbitDecoder.Decode(buffer.AsSpan(0, count)).Messages)
                    {
                        if (Identity(message) is { } id)
                        {
                            lock (arrivals)
                            {
                                arrivals.TryAdd(id, at);
                            }
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
