using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Upbit.Rx.Server;

/// <summary>
/// One real WebSocket connection of the loopback server: answers the upgrade as Upbit does (rate-limit headers,
/// 429/401 refusals, permessage-deflate when offered), feeds the client's messages to its session and writes the
/// session's frames from a single send loop. After sending its close frame it gives the client
/// <see cref="CloseGrace"/> to answer, then drops the socket, so a silent client cannot hold the server open. The
/// send queue holds at most <see cref="EngineOptions.SendQueueLimit"/> frames; a client that lets it fill is counted
/// (<see cref="ExchangeHub.SlowClientsDropped"/>) and dropped: without a close frame, or under
/// <see cref="EngineOptions.CloseSlowClients"/> with close 1008 and <see cref="OverflowReason"/> (what is still queued
/// is discarded, and a client that does not read even the close is aborted after a grace).
/// </summary>
internal sealed class LoopbackConnection : IConnectionSink
{
    private const int MaxRequestBytes = 1 << 20;
    private const int InternalError = 1011;
    private const string OverflowReason = "send queue overflow: client too slow, dropped";
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(1);
    private readonly object _gate = new();
    private readonly ExchangeHub _hub;
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly TaskCompletionSource _receiveEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _finished;
    private volatile bool _overflowed;
    private readonly Channel<(ReadOnlyMemory<byte> Payload, bool IsText, int CloseStatus)> _outgoing;

    private LoopbackConnection(ExchangeHub hub, WebSocket socket, HttpContext context, int sendQueueLimit)
    {
        _hub = hub;
        _socket = socket;
        _context = context;
        _outgoing = Channel.CreateBounded<(ReadOnlyMemory<byte>, bool, int)>(
            new BoundedChannelOptions(sendQueueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public static async Task HandleAsync(HttpContext context, ExchangeHub hub, LiveConnections live)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }

        if (live.IsClosed)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var admission = hub.Admit(context.Request.Path.Value ?? string.Empty, context.Request.Headers.Authorization.FirstOrDefault());
        context.Response.Headers["remaining-req"] = $"group=websocket; min=300; sec={admission.RemainingConnects}";
        context.Response.Headers["limit-by-ip"] = "Yes";
        if (!admission.Accepted)
        {
            context.Response.StatusCode = admission.Status;
            await context.Response.WriteAsync(admission.Status == 429 ? "Too many API requests." : string.Empty, context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = true });
        var connection = new LoopbackConnection(hub, socket, context, hub.Options.SendQueueLimit);
        if (!live.TryAdd(connection))
        {
            // NB: the server began stopping during the upgrade; no session may open now.
            context.Abort();
            return;
        }

        try
        {
            await connection.RunAsync(hub, admission);
        }
        finally
        {
            live.Remove(connection);
            connection.Finish();
        }
    }

    /// <remarks>NB: payloads are immutable once handed over (see <see cref="IConnectionSink"/>), so no copy.</remarks>
    public void Send(ReadOnlyMemory<byte> payload, bool isText) => Enqueue((payload, isText, 0));

    public void Close(int status)
    {
        Enqueue((default, false, status));
        _outgoing.Writer.TryComplete();
    }

    public void Abort()
    {
        _outgoing.Writer.TryComplete();
        AbortSocket();
    }

    /// <summary>Queues for the send loop; a full queue means the client stopped reading, and it is dropped.</summary>
    private void Enqueue((ReadOnlyMemory<byte> Payload, bool IsText, int CloseStatus) item)
    {
        // NB: TryComplete succeeds only if the write failed for a full queue (not because the connection already ended).
        if (_outgoing.Writer.TryWrite(item) || !_outgoing.Writer.TryComplete())
        {
            return;
        }

        _hub.NoteSlowClient();
        if (!_hub.Options.CloseSlowClients)
        {
            AbortSocket();
            return;
        }

        // NB: the send loop sees the flag at its next frame and closes instead; one stuck in a send is aborted.
        _overflowed = true;
        _ = AbortUnlessClosedAsync();
    }

    private async Task AbortUnlessClosedAsync()
    {
        try
        {
            // NB: real time on purpose, as in AwaitClientCloseAsync: it only bounds a peer that reads nothing.
            await _receiveEnded.Task.WaitAsync(CloseGrace * 2);
        }
        catch (TimeoutException)
        {
            Abort();
        }
    }

    private void AbortSocket()
    {
        lock (_gate)
        {
            // NB: once the request has ended its context belongs to Kestrel again and must not be touched.
            if (!_finished)
            {
                _context.Abort();
            }
        }
    }

    private void Finish()
    {
        lock (_gate)
        {
            _finished = true;
        }
    }

    private async Task RunAsync(ExchangeHub hub, Admission admission)
    {
        var sending = SendLoopAsync();
        var session = hub.Open(admission, this);
        if (_context.Features.Get<IHttpUpgradeFeature>() is ObservedUpgradeFeature { Stream: { } stream })
        {
            stream.Traffic = session.NoteClientTraffic;
        }

        var status = await ReceiveLoopAsync(session);
        session.ClientClosed(status);
        _outgoing.Writer.TryComplete();
        await sending;
    }

    private async Task<int> ReceiveLoopAsync(ExchangeSession session)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // NB: recorded before it is answered, so a client that waits for the answer finds it recorded.
                    session.ClientClosed(1000);
                    if (session.IsStalled)
                    {
                        // NB: a hung server does not answer the close either; the client must give up on its own.
                        await WhenAbortedAsync();
                        return 1000;
                    }

                    Enqueue((default, false, (int)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure)));
                    return 1000;
                }

                buffer.Advance(result.Count);
                if (buffer.WrittenCount > MaxRequestBytes)
                {
                    Abort();
                    return 1009;
                }

                if (result.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
                    buffer.ResetWrittenCount();
                    if (!TryReceive(session, text))
                    {
                        return InternalError;
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            return 1006;
        }
        finally
        {
            _receiveEnded.TrySetResult();
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var (payload, isText, closeStatus) in _outgoing.Reader.ReadAllAsync())
            {
                if (_overflowed)
                {
                    break;
                }

                if (closeStatus == 0)
                {
                    var type = isText ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
                    await _socket.SendAsync(payload, type, endOfMessage: true, _context.RequestAborted);
                }
                else if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)closeStatus, null, _context.RequestAborted);
                    await AwaitClientCloseAsync();
                }
            }

            if (_overflowed && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, OverflowReason, _context.RequestAborted);
                await AwaitClientCloseAsync();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // NB: the client went away mid-send; the receive loop reports the close.
        }
    }

    /// <summary>Hands one message to the session. A fault of the engine (or of a test's observer of the request log)
    /// must not escape into Kestrel: the connection closes with 1011, as a server closes on an internal error.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "Any fault ends only this connection, with 1011.")]
    private bool TryReceive(ExchangeSession session, string text)
    {
        try
        {
            session.Receive(text);
            return true;
        }
        catch (Exception)
        {
            Enqueue((default, false, InternalError));
            return false;
        }
    }

    /// <summary>Completes when the client goes away (aborts the socket) or the server stops.</summary>
    private async Task WhenAbortedAsync()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (_context.RequestAborted.Register(() => aborted.TrySetResult()))
        {
            await aborted.Task;
        }
    }

    /// <summary>Waits for the client's close frame (the receive loop ends on it); a client that stays silent is dropped.</summary>
    private async Task AwaitClientCloseAsync()
    {
        try
        {
            // NB: real time on purpose: this is the real socket server, and the grace only bounds a peer's silence.
            await _receiveEnded.Task.WaitAsync(CloseGrace);
        }
        catch (TimeoutException)
        {
            Abort();
        }
    }
}
