using System.Net.WebSockets;
using Upbit.Rx.Connection;
using Upbit.Rx.Testing.Engine;

namespace Upbit.Rx.Testing.Hosting;

/// <summary>Both ends of one in-memory connection: the client's <see cref="ITransportChannel"/> and the session's
/// <see cref="IConnectionSink"/>. Events reach the client serially (the session's outbox drains one at a time).</summary>
internal sealed class InMemoryConnection(IObserver<TransportEvent> observer, int maxMessageBytes) : ITransportChannel, IConnectionSink
{
    private readonly object _gate = new();
    private ExchangeSession? _session;
    private bool _done;

    public void Attach(ExchangeSession session)
    {
        lock (_gate)
        {
            _session = session;
        }

        observer.OnNext(TransportEvent.Opened(this));
    }

    public void Send(string text)
    {
        ExchangeSession? session;
        lock (_gate)
        {
            session = _done ? null : _session;
        }

        session?.Receive(text);
    }

    public void ClientClose()
    {
        ExchangeSession? session;
        lock (_gate)
        {
            session = _done ? null : _session;
            _done = true;
        }

        session?.ClientClosed(1000);
    }

    void IConnectionSink.Send(ReadOnlyMemory<byte> payload, bool isText)
    {
        if (payload.Length > maxMessageBytes)
        {
            TooBig();
        }
        else if (!IsDone())
        {
            observer.OnNext(TransportEvent.Frame(payload, isText));
        }
    }

    void IConnectionSink.Close(int status)
    {
        if (Finish())
        {
            observer.OnNext(TransportEvent.Closed(status, null));
            observer.OnCompleted();
        }
    }

    void IConnectionSink.Abort()
    {
        if (Finish())
        {
            observer.OnError(new WebSocketException(
                WebSocketError.ConnectionClosedPrematurely,
                "The remote party closed the WebSocket connection without completing the close handshake."));
        }
    }

    /// <summary>What a client socket does with a message over its limit: fails, and closes with 1009.</summary>
    private void TooBig()
    {
        ExchangeSession? session;
        lock (_gate)
        {
            session = _done ? null : _session;
        }

        if (Finish())
        {
            observer.OnError(new WebSocketException(WebSocketError.Faulted, $"The message exceeds the maximum of {maxMessageBytes} bytes."));
            session?.ClientClosed(1009);
        }
    }

    private bool IsDone()
    {
        lock (_gate)
        {
            return _done;
        }
    }

    private bool Finish()
    {
        lock (_gate)
        {
            var first = !_done;
            _done = true;
            return first;
        }
    }
}
