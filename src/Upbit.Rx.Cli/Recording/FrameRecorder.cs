using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Text;

namespace Upbit.Rx.Cli.Recording;

/// <summary>
/// Records raw frames: its own <see cref="ClientWebSocket"/> (the client library hands out decoded records, not
/// frames), one subscription request, then every frame with its receive time until cancelled or closed by the server.
/// </summary>
internal static class FrameRecorder
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private static readonly byte[] Ping = "PING"u8.ToArray();

    /// <summary>Records until <paramref name="cancellationToken"/> is cancelled (then it returns normally).</summary>
    /// <exception cref="WebSocketException">The connect failed.</exception>
    /// <exception cref="CliException">The server closed the connection (exit code 1).</exception>
    public static async Task RecordAsync(Uri endpoint, string request, RecordingWriter writer, IScheduler scheduler, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(ConnectTimeout);
            try
            {
                await socket.ConnectAsync(endpoint, connect.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new WebSocketException($"no answer within {ConnectTimeout.TotalSeconds:0} s");
            }
        }

        using var sending = new SemaphoreSlim(1);
        await SendAsync(socket, sending, Encoding.UTF8.GetBytes(request), cancellationToken);
        // NB: Upbit drops a socket idle for about a minute; quiet codes can leave it idle, so ping as the client library does.
        using var keepAlive = Observable.Interval(KeepAlive, scheduler)
            .SelectMany(_ => Observable.FromAsync(() => SendAsync(socket, sending, Ping, cancellationToken)).Catch(Observable.Empty<System.Reactive.Unit>()))
            .Subscribe();
        // NB: on Ctrl+C or --for we close politely (close frame, then wait briefly for the server's) instead of aborting
        // the socket; frames that arrive meanwhile are still recorded. The hard stop bounds the wait.
        using var hardStop = new CancellationTokenSource();
        using var stopping = cancellationToken.Register(() =>
        {
            hardStop.CancelAfter(CloseTimeout);
            _ = CloseAsync(socket, sending, hardStop.Token);
        });
        try
        {
            await ReceiveAsync(socket, writer, scheduler, cancellationToken, hardStop.Token);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or WebSocketException)
        {
            // NB: every frame received so far is already on disk.
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        try
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "recording done", cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // NB: the socket is already gone; the receive loop ends either way.
        }
    }

    private static async Task ReceiveAsync(ClientWebSocket socket, RecordingWriter writer, IScheduler scheduler, CancellationToken stopping, CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var result = await socket.ReceiveAsync(message.GetMemory(8 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                throw new CliException(
                    ExitCodes.RuntimeFailure,
                    $"the server closed the connection ({string.Join(' ', new[] { ((int?)socket.CloseStatus)?.ToString(CultureInfo.InvariantCulture), socket.CloseStatusDescription }.Where(s => !string.IsNullOrEmpty(s)))}) after {writer.Count} frame(s); they are saved");
            }

            message.Advance(result.Count);
            if (result.EndOfMessage)
            {
                writer.Write(new RecordedFrame(scheduler.Now.ToUnixTimeMilliseconds(), Encoding.UTF8.GetString(message.WrittenSpan)));
                message.ResetWrittenCount();
            }
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, SemaphoreSlim gate, byte[] text, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(text, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
