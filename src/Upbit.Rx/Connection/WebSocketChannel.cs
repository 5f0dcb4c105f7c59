using System.Net.WebSockets;
using System.Text;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Connection;

/// <summary>
/// Sends on a <see cref="ClientWebSocket"/> from one loop, because the socket allows only one send at a time:
/// queued text frames, then, once closing starts, the close frame. <see cref="Send"/> queues and returns at once.
/// </summary>
internal sealed class WebSocketChannel : UpbitTransportChannel, IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
    private readonly ClientWebSocket _socket;
    private readonly TextQueue _queue = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closing;

    public WebSocketChannel(ClientWebSocket socket)
    {
        _socket = socket;

        // NB: if a close handshake stalls, aborting the socket ends the receive loop; the grace timer is armed by BeginClose.
        _abort.Token.Register(socket.Abort);
        SendLoop = Task.Run(SendLoopAsync);
    }

    /// <summary>The send loop; it ends after the close frame went out (or the socket failed).</summary>
    public Task SendLoop { get; }

    /// <summary>How long a close handshake may take before the socket is aborted.</summary>
    public static TimeSpan CloseGrace => Grace;

    public override void Send(string text) => _queue.TryWrite(text);

    /// <summary>
    /// Completes when the transport is done with the socket (<see cref="Dispose"/>): after the close handshake, or
    /// after the abort that ends a handshake the server does not answer within <see cref="CloseGrace"/>.
    /// </summary>
    public override Task Closed => _closed.Task;

    /// <summary>Starts a client close: pending sends go first, then a close frame; the socket is aborted after a grace period.</summary>
    public void BeginClose()
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            _queue.Complete();
            TryArmAbort();
        }
    }

    /// <summary>The server sent a close frame: answer it once pending sends are out.</summary>
    public void AnswerClose() => BeginClose();

    /// <summary>The transport is done with the socket: stops sending and completes <see cref="Closed"/>.</summary>
    public void Dispose()
    {
        _queue.Complete();
        _abort.Dispose();
        _closed.TrySetResult();
    }

    private void TryArmAbort()
    {
        try
        {
            _abort.CancelAfter(Grace);
        }
        catch (ObjectDisposedException)
        {
            // NB: already disposed: the socket is gone with it.
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            while (await _queue.ReadAsync().ConfigureAwait(false) is { } text)
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closed", CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // NB: a send that fails means the connection is broken; abort so the receive loop reports the drop and
            // the supervisor reconnects, instead of queueing requests into a dead socket.
            _socket.Abort();
        }
    }
}
