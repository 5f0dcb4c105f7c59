using System.Net.WebSockets;
using Upbit.Rx.Connection;
using Upbit.Rx.Testing.Engine;

namespace Upbit.Rx.Testing.Hosting;

/// <summary>Both ends of one in-memory connection: the client's <see cref="ITransportChannel"/> and the session's
/// <see cref="IConnectionSink"/>. Every call of the client's observer happens under one lock, after checking that the
/// connection is still live, so the client sees a serial stream (Opened, frames, then at most one terminal event)
/// even when a drop on one thread races a frame on another.</summary>
/// <remarks>NB: two locks. <c>_observerGate</c> is held across observer calls; the client may call
/// <see cref="Send(string)"/> from another thread while holding its own lock that its observer also takes, so the
/// client-facing methods only ever take the short <c>_stateGate</c> and can never wait for an observer call.</remarks>
internal sealed class InMemoryConnection(IObserver<TransportEvent> observer, int maxMessageBytes) : ITransportChannel, IConnectionSink
{
    private readonly object _observerGate = new();
    private readonly object _stateGate = new();
    private ExchangeSession? _session;
    private bool _done;

    /// <summary>Opens the session through <paramref name="open"/> and tells the client, before any frame of the session
    /// can reach it.</summary>
    public void Attach(Func<IConnectionSink, ExchangeSession> open)
    {
        ExchangeSession session;
        lock (_observerGate)
        {
            session = open(this);
            bool done;
            lock (_stateGate)
            {
                _session = session;
                done = _done;
            }

            if (!done)
            {
                observer.OnNext(TransportEvent.Opened(this));
                return;
            }
        }

        // NB: the client let go while the upgrade was being judged; the session must not stay open without it.
        session.ClientClosed(1000);
    }

    public void Send(string text)
    {
        ExchangeSession? session;
        lock (_stateGate)
        {
            session = _done ? null : _session;
        }

        session?.Receive(text);
    }

    public void ClientClose()
    {
        ExchangeSession? session;
        lock (_stateGate)
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
            return;
        }

        lock (_observerGate)
        {
            if (!IsDone())
            {
                observer.OnNext(TransportEvent.Frame(payload, isText));
            }
        }
    }

    void IConnectionSink.Close(int status)
    {
        lock (_observerGate)
        {
            if (Finish(out _))
            {
                observer.OnNext(TransportEvent.Closed(status, null));
                observer.OnCompleted();
            }
        }
    }

    void IConnectionSink.Abort()
    {
        lock (_observerGate)
        {
            if (Finish(out _))
            {
                observer.OnError(new WebSocketException(
                    WebSocketError.ConnectionClosedPrematurely,
                    "The remote party closed the WebSocket connection without completing the close handshake."));
            }
        }
    }

    /// <summary>What a client socket does with a message over its limit: fails, and closes with 1009.</summary>
    private void TooBig()
    {
        ExchangeSession? session;
        lock (_observerGate)
        {
            if (!Finish(out session))
            {
                return;
            }

            observer.OnError(new WebSocketException(WebSocketError.Faulted, $"The message exceeds the maximum of {maxMessageBytes} bytes."));
        }

        session?.ClientClosed(1009);
    }

    private bool IsDone()
    {
        lock (_stateGate)
        {
            return _done;
        }
    }

    /// <summary>Marks the connection done; <see langword="true"/> (with the session) only for the first caller.</summary>
    private bool Finish(out ExchangeSession? session)
    {
        lock (_stateGate)
        {
            var first = !_done;
            session = first ? _session : null;
            _done = true;
            return first;
        }
    }
}
