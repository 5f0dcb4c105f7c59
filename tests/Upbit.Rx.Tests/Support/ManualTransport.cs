using System.Collections.Concurrent;
using System.Reactive.Disposables;
using System.Reactive.Linq;

using Upbit.Rx.Transport;

namespace Upbit.Rx.Tests.Support;

/// <summary>A transport the test drives by hand, from any thread: each connect becomes a <see cref="Connection"/>.</summary>
internal sealed class ManualTransport : UpbitTransport
{
    private readonly BlockingCollection<Connection> _connections = [];

    /// <summary>Called on the connecting thread, inside Subscribe, before Connect returns.</summary>
    public Action<Connection>? OnConnect { get; set; }

    public override IObservable<TransportEvent> Connect(TransportRequest request) =>
        Observable.Create<TransportEvent>(observer =>
        {
            var connection = new Connection(observer);
            _connections.Add(connection);
            OnConnect?.Invoke(connection);
            return Disposable.Create(() => connection.Disposed = true);
        });

    /// <summary>Waits for connection number <paramref name="index"/> (0-based) to be made.</summary>
    public Connection Take(int index, CancellationToken cancellationToken)
    {
        while (_connections.Count <= index)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Thread.Yield();
        }

        return _connections.ToArray()[index];
    }

    public sealed class Connection(IObserver<TransportEvent> observer) : UpbitTransportChannel
    {
        public ConcurrentQueue<string> Sent { get; } = new();

        public bool Disposed { get; set; }

        public void Open() => observer.OnNext(TransportEvent.Opened(this));

        public void Push(byte[] frame) => observer.OnNext(TransportEvent.Frame(frame, isText: false));

        /// <summary>Pushes a frame as the real transport does when its next receive has already completed.</summary>
        public void Push(byte[] frame, bool backlog) => observer.OnNext(TransportEvent.Frame(frame, isText: false, backlog));

        public void Fail(Exception error) => observer.OnError(error);

        /// <summary>The server's close frame arrived (as the real transport reports it, before its completion).</summary>
        public void Close(int status = 1000) => observer.OnNext(TransportEvent.Closed(status, null));

        public override void Send(string text) => Sent.Enqueue(text);
    }
}
