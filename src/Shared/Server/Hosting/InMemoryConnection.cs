using System.Net.WebSockets;
using Upbit.Rx.Operators;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Server;

/// <summary>Both ends of one in-memory connection: the client's <see cref="UpbitTransportChannel"/> and the session's
/// <see cref="IConnectionSink"/>. The client sees a serial stream (Opened, frames, then at most one terminal event)
/// even when a drop on one thread races a frame on another.</summary>
/// <remarks>NB: the client's observer (and the user code it runs) is never called under a lock. Events are queued
/// under one short gate and delivered by whichever thread found the queue idle, so a drop, a frame or the client's
/// close on another thread never waits for an observer call in progress: a user handler that waits for a thread
/// which drops the connection cannot deadlock the fake.</remarks>
internal sealed class InMemoryConnection(IObserver<TransportEvent> observer, int maxMessageBytes) : UpbitTransportChannel, IConnectionSink
{
    private readonly Lock _gate = new();
    private readonly DeliveryQueue<(TransportEvent? Event, Exception? Error)> _queue = new();
    private ExchangeSession? _session;
    private bool _done;

    /// <summary>Opens the session through <paramref name="open"/> and tells the client, before any frame of the session
    /// can reach it.</summary>
    public void Attach(Func<IConnectionSink, ExchangeSession> open)
    {
        // NB: Opened is queued first and this thread keeps the drainer's role while the session opens, so frames the
        // session sends meanwhile queue behind Opened, and the client's first Send already finds the session.
        bool drain;
        lock (_gate)
        {
            drain = !_done && _queue.Enqueue((TransportEvent.Opened(this), null));
        }

        var session = open(this);
        bool done;
        lock (_gate)
        {
            _session = session;
            done = _queue.IsStopped;
        }

        if (drain)
        {
            _queue.Drain(_gate, Deliver);
        }

        if (done)
        {
            // NB: the client let go while the upgrade was being judged; the session must not stay open without it.
            session.ClientClosed(1000);
        }
    }

    public override void Send(string text)
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
            _queue.Stop();
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

        bool drain;
        lock (_gate)
        {
            drain = !_done && _queue.Enqueue((TransportEvent.Frame(payload, isText), null));
        }

        Drain(drain);
    }

    void IConnectionSink.Close(int status)
    {
        var drain = false;
        lock (_gate)
        {
            if (Finish(out _))
            {
                drain = _queue.Enqueue((TransportEvent.Closed(status, null), null));
                drain |= _queue.Enqueue((null, null));
            }
        }

        Drain(drain);
    }

    void IConnectionSink.Abort()
    {
        bool drain;
        lock (_gate)
        {
            drain = Finish(out _) && _queue.Enqueue((null, new WebSocketException(
                WebSocketError.ConnectionClosedPrematurely,
                "The remote party closed the WebSocket connection without completing the close handshake.")));
        }

        Drain(drain);
    }

    /// <summary>What a client socket does with a message over its limit: fails, and closes with 1009.</summary>
    private void TooBig()
    {
        ExchangeSession? session;
        bool drain;
        lock (_gate)
        {
            if (!Finish(out session))
            {
                return;
            }

            drain = _queue.Enqueue((null, new WebSocketException(WebSocketError.Faulted, $"The message exceeds the maximum of {maxMessageBytes} bytes.")));
        }

        Drain(drain);
        session?.ClientClosed(1009);
    }

    private void Drain(bool drain)
    {
        if (drain)
        {
            _queue.Drain(_gate, Deliver);
        }
    }

    /// <summary>Calls the client's observer; runs on the queue's drainer only, never under the gate.</summary>
    private void Deliver((TransportEvent? Event, Exception? Error) item)
    {
        if (item.Event is { } value)
        {
            observer.OnNext(value);
        }
        else if (item.Error is { } error)
        {
            observer.OnError(error);
        }
        else
        {
            observer.OnCompleted();
        }
    }

    /// <summary>Marks the connection done (call under the gate); <see langword="true"/> (with the session) only for
    /// the first caller.</summary>
    private bool Finish(out ExchangeSession? session)
    {
        var first = !_done;
        session = first ? _session : null;
        _done = true;
        return first;
    }
}
