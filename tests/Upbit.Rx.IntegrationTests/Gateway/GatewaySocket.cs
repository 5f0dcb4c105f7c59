using System.Net.WebSockets;
using System.Text;
using Upbit.Rx.Streams;

namespace Upbit.Rx.IntegrationTests.Gateway;

/// <summary>
/// A tiny raw-socket Upbit client, written the way many are: it sends whatever request text it is given (a union that
/// only grows, one socket per subscribe call) and decodes what comes back. Created not reading, it models a client too
/// slow to keep up until <see cref="StartReading"/>.
/// </summary>
internal sealed class GatewaySocket : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly List<UpbitMessage> _messages = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly TaskCompletionSource<(WebSocketCloseStatus? Status, string? Reason)> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _receiving;

    private GatewaySocket()
    {
    }

    public Task<(WebSocketCloseStatus? Status, string? Reason)> Ended => _end.Task;

    public static async Task<GatewaySocket> ConnectAsync(Uri endpoint, bool reading = true)
    {
        var socket = new GatewaySocket();
        using var cancel = new CancellationTokenSource(Patience);
        await socket._socket.ConnectAsync(endpoint, cancel.Token);
        if (reading)
        {
            socket.StartReading();
        }

        return socket;
    }

    public void StartReading() => _receiving ??= Task.Run(ReceiveLoopAsync);

    public List<UpbitMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public IEnumerable<T> Of<T>(string code)
        where T : IMarketMessage => Messages.OfType<T>().Where(m => m.Code == code);

    public async Task SendAsync(string text)
    {
        using var cancel = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancel.Token);
    }

    /// <summary>Waits, message by message, until <paramref name="done"/> holds or the connection ends.</summary>
    public async Task UntilAsync(Func<List<UpbitMessage>, bool> done, CancellationToken cancellationToken)
    {
        while (!done(Messages) && !_end.Task.IsCompleted)
        {
            await _arrived.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        if (_receiving is not null)
        {
            await _receiving;
        }

        _socket.Dispose();
        _arrived.Dispose();
    }

    private async Task ReceiveLoopAsync()
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
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), CancellationToken.None);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _end.TrySetResult((_socket.CloseStatus, _socket.CloseStatusDescription));
                    break;
                }

                lock (_messages)
                {
                    _messages.AddRange(UpbitDecoder.Decode(buffer.AsSpan(0, count)).Messages);
                }

                _arrived.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _end.TrySetResult((null, e.GetType().Name));
        }
        finally
        {
            _arrived.Release();
        }
    }
}
