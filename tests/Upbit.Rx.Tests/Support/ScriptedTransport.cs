using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

using Upbit.Rx.Transport;

namespace Upbit.Rx.Tests.Support;

/// <summary>A transport whose first <c>failFirst</c> connects fail (asynchronously) and whose later ones open and stay open; counts live sockets.</summary>
internal sealed class ScriptedTransport(int failFirst = 0) : UpbitTransport
{
    private int _connects;
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override IObservable<TransportEvent> Connect(TransportRequest request) =>
        Interlocked.Increment(ref _connects) <= failFirst
            ? Observable.Throw<TransportEvent>(new IOException("refused"), TaskPoolScheduler.Default)
            : Observable.Create<TransportEvent>(observer =>
            {
                Interlocked.Increment(ref _open);
                observer.OnNext(TransportEvent.Opened(new NullChannel()));
                return Disposable.Create(() => Interlocked.Decrement(ref _open));
            });

    private sealed class NullChannel : UpbitTransportChannel
    {
        public override void Send(string text)
        {
        }
    }
}
