using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Upbit.Rx.Connection;

/// <summary>
/// Sends text frames on a <see cref="ClientWebSocket"/> from one loop, because the socket allows only one
/// send at a time. <see cref="Send"/> queues and returns at once.
/// </summary>
internal sealed class WebSocketChannel : ITransportChannel, IDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();

    public WebSocketChannel(ClientWebSocket socket)
    {
        _socket = socket;
        _ = Task.Run(SendLoopAsync);
    }

    public void Send(string text) => _queue.Writer.TryWrite(text);

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task SendLoopAsync()
    {
        try
        {
            var token = _stop.Token;
            await foreach (var text in _queue.Reader.ReadAllAsync(token))
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // NB: a send that fails means the socket is gone; the receive loop reports the drop.
        }
    }
}
