using System.Reactive.Disposables;
using System.Reactive.Linq;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Benchmarks.ClientPath;

/// <summary>
/// A transport with no socket: it opens at once, records what the client sends, and lets the benchmark push frames
/// into the client on its own thread, so the client's whole receive path runs with nothing else around it.
/// </summary>
internal sealed class MemoryTransport : UpbitTransport
{
    private readonly Channel _channel = new();
    private IObserver<TransportEvent>? _observer;

    /// <summary>The texts the client sent, oldest first.</summary>
    public IReadOnlyList<string> Sent => _channel.Sent;

    public override IObservable<TransportEvent> Connect(TransportRequest request) => Observable.Create<TransportEvent>(observer =>
    {
        Volatile.Write(ref _observer, observer);
        observer.OnNext(TransportEvent.Opened(_channel));
        return Disposable.Create(() => Volatile.Write(ref _observer, null));
    });

    /// <summary>Hands one frame to the client, which decodes, routes and delivers it before this returns.</summary>
    public void Push(byte[] frame) => (_observer ?? throw new InvalidOperationException("The client is not connected.")).OnNext(TransportEvent.Frame(frame, isText: false));

    private sealed class Channel : UpbitTransportChannel
    {
        private readonly List<string> _sent = [];

        public IReadOnlyList<string> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public override void Send(string text)
        {
            lock (_sent)
            {
                _sent.Add(text);
            }
        }
    }
}
