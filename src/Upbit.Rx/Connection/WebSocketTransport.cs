using System.Buffers;
using System.Net.WebSockets;
using System.Reactive.Linq;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Connection;

/// <summary>
/// The real transport: one <see cref="ClientWebSocket"/> per subscription. Binary and text frames,
/// fragmented messages reassembled into a pooled buffer, an exact size cap, permessage-deflate when asked,
/// protocol pings, extra upgrade headers, and a proper close handshake both ways. The only code that touches sockets.
/// </summary>
internal sealed class WebSocketTransport(TimeSpan protocolPingInterval) : UpbitTransport
{
    private const int ReceiveChunk = 16 * 1024;

    public override IObservable<TransportEvent> Connect(TransportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Observable.Create<TransportEvent>((observer, cancellation) => RunAsync(request, observer, cancellation));
    }

    private async Task RunAsync(TransportRequest request, IObserver<TransportEvent> observer, CancellationToken cancellation)
    {
        using var socket = new ClientWebSocket();
        byte[]? buffer = null;
        byte[]? next = null;
        try
        {
            Configure(socket.Options, request);
            var chunk = (int)Math.Min(ReceiveChunk, request.MaxMessageBytes + 1L);
            buffer = ArrayPool<byte>.Shared.Rent(chunk);
            next = ArrayPool<byte>.Shared.Rent(chunk);
            await socket.ConnectAsync(request.Endpoint, cancellation).ConfigureAwait(false);
            using var channel = new WebSocketChannel(socket);

            // NB: disposing the subscription starts a close handshake rather than cancelling the receive, which
            // would abort the socket without a close frame; the channel aborts if the server does not answer.
            using var closing = cancellation.Register(channel.BeginClose);
            observer.OnNext(TransportEvent.Opened(channel));
            var pending = socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            while (true)
            {
                var result = await pending.ConfigureAwait(false);
                var length = result.Count;
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close)
                {
                    CheckSize(length, request.MaxMessageBytes);
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, request.MaxMessageBytes);
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
                    length += result.Count;
                }

                CheckSize(length, request.MaxMessageBytes);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // NB: answer the server's close before the socket is disposed with this method's scope.
                    channel.AnswerClose();
                    await AwaitQuietly(channel.SendLoop, WebSocketChannel.CloseGrace).ConfigureAwait(false);
                    if (!cancellation.IsCancellationRequested)
                    {
                        observer.OnNext(TransportEvent.Closed((int?)socket.CloseStatus ?? 1005, socket.CloseStatusDescription));
                        observer.OnCompleted();
                    }

                    return;
                }

                // NB: the next receive starts before this frame is handed out, into the other buffer: if it completes
                // at once, more frames are already waiting, and the client may decode them in parallel.
                pending = socket.ReceiveAsync(next.AsMemory(), CancellationToken.None);
                observer.OnNext(TransportEvent.Frame(buffer.AsMemory(0, length), result.MessageType == WebSocketMessageType.Text, pending.IsCompleted));
                (buffer, next) = (next, buffer);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or InvalidDataException or OperationCanceledException or ObjectDisposedException)
        {
            if (!cancellation.IsCancellationRequested)
            {
                observer.OnError(ex);
            }
        }
        finally
        {
            // NB: a receive still pending into a buffer ends with the socket, which this method's scope disposes first.
            socket.Abort();
            foreach (var rented in new[] { buffer, next })
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
    }

    private static void CheckSize(int length, int max)
    {
        if (length > max)
        {
            throw new InvalidDataException($"A message exceeded the maximum size of {max} bytes.");
        }
    }

    private static async Task AwaitQuietly(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // NB: the channel aborts the socket after the same grace; nothing more to do here.
        }
    }

    private void Configure(ClientWebSocketOptions options, TransportRequest request)
    {
        foreach (var (name, value) in request.Headers)
        {
            options.SetRequestHeader(name, value);
        }

        if (request.Compression)
        {
            options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        }

        // NB: with a timeout set, the framework sends real RFC 6455 pings and fails the socket when no pong
        // comes back; Upbit answers them and counts them as traffic against its idle close.
        options.KeepAliveInterval = protocolPingInterval;
        options.KeepAliveTimeout = protocolPingInterval;
    }

    private static byte[] Grow(byte[] buffer, int max)
    {
        // NB: one byte over the cap is enough to detect an oversized message without renting more.
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min(max + 1L, buffer.Length * 2L), Array.MaxLength));
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
