using System.Buffers;
using System.Net.WebSockets;
using System.Reactive.Linq;

namespace Upbit.Rx.Connection;

/// <summary>
/// The real transport: one <see cref="ClientWebSocket"/> per subscription. Binary and text frames,
/// fragmented messages reassembled into a pooled buffer, a size cap, permessage-deflate when asked,
/// protocol pings, and extra upgrade headers. The only code that touches sockets.
/// </summary>
internal sealed class WebSocketTransport(TimeSpan protocolPingInterval) : ITransport
{
    private const int ReceiveChunk = 16 * 1024;

    public IObservable<TransportEvent> Connect(TransportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Observable.Create<TransportEvent>((observer, cancellation) => RunAsync(request, observer, cancellation));
    }

    private async Task RunAsync(TransportRequest request, IObserver<TransportEvent> observer, CancellationToken cancellation)
    {
        using var socket = new ClientWebSocket();
        Configure(socket.Options, request);
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveChunk);
        try
        {
            await socket.ConnectAsync(request.Endpoint, cancellation);
            using var channel = new WebSocketChannel(socket);
            observer.OnNext(TransportEvent.Opened(channel));
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, request.MaxMessageBytes);
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellation);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    observer.OnNext(TransportEvent.Closed((int?)socket.CloseStatus ?? 1005, socket.CloseStatusDescription));
                    observer.OnCompleted();
                    return;
                }

                observer.OnNext(TransportEvent.Frame(buffer.AsMemory(0, length), result.MessageType == WebSocketMessageType.Text));
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await CloseQuietlyAsync(socket);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or InvalidDataException or OperationCanceledException)
        {
            observer.OnError(ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
        // comes back, which Upbit answers and counts as traffic against its idle close.
        options.KeepAliveInterval = protocolPingInterval;
        options.KeepAliveTimeout = protocolPingInterval;
    }

    private static byte[] Grow(byte[] buffer, int max)
    {
        if (buffer.Length >= max)
        {
            throw new InvalidDataException($"A message exceeded the maximum size of {max} bytes.");
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(max, buffer.Length * 2));
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closed", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            socket.Abort();
        }
    }
}
