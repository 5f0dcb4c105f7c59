using System.Net.WebSockets;
using System.Text;
using Upbit.Rx.Operators;
using Upbit.Rx.Transport;
using Websocket.Client;
using Websocket.Client.Exceptions;
using WsClient = Websocket.Client.WebsocketClient;

namespace Upbit.Rx.WebsocketClient;

/// <summary>
/// One connection of <see cref="WebsocketClientTransport"/>: a <c>WebsocketClient</c> with every reconnect switched
/// off, its events turned into the <see cref="UpbitTransport"/> contract. Delivery is serial and never runs the
/// observer under the gate; frames that race ahead of <see cref="TransportEventKind.Opened"/> wait for it.
/// </summary>
internal sealed class WebsocketClientConnection : UpbitTransportChannel, IDisposable
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private readonly DeliveryQueue<Delivery> _queue = new();
    private readonly List<Delivery> _early = [];
    private readonly IObserver<TransportEvent> _observer;
    private readonly int _maxMessageBytes;
    private readonly WsClient _client;
    private readonly IDisposable _messages;
    private readonly IDisposable _disconnections;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ArrivalBacklog _backlog = new();
    private bool _opened;
    private bool _done;
    private int _disposed;
    private int _serverClosed;

    public WebsocketClientConnection(TransportRequest request, IObserver<TransportEvent> observer, Func<ClientWebSocket> socketFactory)
    {
        _observer = observer;
        _maxMessageBytes = request.MaxMessageBytes;

        // NB: every reconnect path of Websocket.Client is off: the UpbitClient reconnects on its own scheduler, with
        // backoff and Upbit's connect budget, and a transport that reconnected by itself would break the cold contract.
        _client = new WsClient(request.Endpoint, socketFactory)
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            LostReconnectTimeout = null,
            IsTextMessageConversionEnabled = false,
        };
        _messages = _client.MessageReceived.Subscribe(OnMessage);
        _disconnections = _client.DisconnectionHappened.Subscribe(OnDisconnected);
    }

    /// <inheritdoc/>
    public override Task Closed => _closed.Task;

    /// <summary>Starts connecting; the outcome arrives as Opened or OnError.</summary>
    public void Start() => _ = StartAsync();

    /// <inheritdoc/>
    public override void Send(string text)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            _client.Send(text);
        }
        catch (ObjectDisposedException)
        {
            // NB: lost together with the connection, as the contract allows.
        }
    }

    /// <summary>A client close: nothing more is delivered; the close handshake runs in the background (see <see cref="Closed"/>).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        bool opened;
        lock (_gate)
        {
            _done = true;
            opened = _opened;
            _early.Clear();
            _queue.Stop();
        }

        _ = CloseAsync(opened);
    }

    private async Task StartAsync()
    {
        try
        {
            await _client.StartOrFail().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebsocketException or WebSocketException or IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // NB: report the socket's own exception (it names the upgrade's HTTP status), not the wrapper.
            Terminate(new Delivery(null, ex is WebsocketException { InnerException: { } inner } ? inner : ex));
            return;
        }

        bool drain;
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            _opened = true;
            drain = _queue.Enqueue(new Delivery(TransportEvent.Opened(this), null));
            foreach (var early in _early)
            {
                drain |= _queue.Enqueue(early);
            }

            _early.Clear();
        }

        Drain(drain);
    }

    private void OnMessage(ResponseMessage message)
    {
        // NB: Websocket.Client does not say whether more messages wait behind this one; without a guess the client would
        // decode every frame inline however far behind the socket falls (docs/benchmarks.md, fifth session).
        var backlog = _backlog.Arrived();
        var bytes = message.Binary ?? (message.Text is null ? [] : Encoding.UTF8.GetBytes(message.Text));
        if (bytes.Length > _maxMessageBytes)
        {
            Terminate(new Delivery(null, new InvalidDataException($"A message exceeded the maximum size of {_maxMessageBytes} bytes.")));
            return;
        }

        // NB: Websocket.Client hands out a fresh array per message, so a frame held until Opened needs no copy.
        Post(new Delivery(TransportEvent.Frame(bytes, message.MessageType == WebSocketMessageType.Text, backlog), null));
        _backlog.HandedOut();
    }

    private void OnDisconnected(DisconnectionInfo info)
    {
        switch (info.Type)
        {
            case DisconnectionType.ByServer:
                // NB: Websocket.Client would answer the close after this handler returns, but the completion that follows
                // disposes the connection first and the answer went missing; so answer here, then report Closed.
                info.CancelClosing = true;
                Volatile.Write(ref _serverClosed, 1);
                _ = AnswerCloseAsync(info);
                break;
            case DisconnectionType.Lost or DisconnectionType.NoMessageReceived or DisconnectionType.Error when IsOpened() && Volatile.Read(ref _serverClosed) == 0:
                Terminate(new Delivery(null, info.Exception ?? new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The connection was lost.")));
                break;
            default:
                // NB: ByUser and Exit are our own close; an Error before Opened is reported by StartOrFail's exception.
                break;
        }
    }

    private async Task AnswerCloseAsync(DisconnectionInfo info)
    {
        try
        {
            if (_client.NativeClient is { } socket)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", CancellationToken.None).WaitAsync(CloseGrace).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            // NB: the answer could not go out; the connection ends all the same.
        }

        Terminate(new Delivery(TransportEvent.Closed((int?)info.CloseStatus ?? 1005, info.CloseStatusDescription), null), Delivery.Completed);
    }

    private bool IsOpened()
    {
        lock (_gate)
        {
            return _opened;
        }
    }

    private void Post(Delivery delivery)
    {
        bool drain;
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            if (!_opened)
            {
                _early.Add(delivery);
                return;
            }

            drain = _queue.Enqueue(delivery);
        }

        Drain(drain);
    }

    private void Terminate(params ReadOnlySpan<Delivery> last)
    {
        var drain = false;
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            _done = true;
            if (_opened || last[0].Error is not null)
            {
                foreach (var delivery in last)
                {
                    drain |= _queue.Enqueue(delivery);
                }
            }
        }

        Drain(drain);
    }

    private void Drain(bool drain)
    {
        if (drain)
        {
            _queue.Drain(_gate, Deliver);
        }
    }

    private void Deliver(Delivery delivery)
    {
        if (delivery.Event is { } e)
        {
            _observer.OnNext(e);
        }
        else if (delivery.Error is { } error)
        {
            _observer.OnError(error);
        }
        else
        {
            _observer.OnCompleted();
        }
    }

    private async Task CloseAsync(bool opened)
    {
        try
        {
            if (opened && Volatile.Read(ref _serverClosed) == 0)
            {
                await _client.Stop(WebSocketCloseStatus.NormalClosure, "client closed").WaitAsync(CloseGrace).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            // NB: the server did not answer the close within the grace; disposing below aborts the socket.
        }
        finally
        {
            _messages.Dispose();
            _disconnections.Dispose();
            _client.Dispose();
            _closed.TrySetResult();
        }
    }
}
