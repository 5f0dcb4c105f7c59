using System.Net.WebSockets;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Server;

/// <summary>
/// The library's transport seam served by the exchange engine in memory, on the exchange's scheduler: a connect is
/// judged like an upgrade (404, 429 and 401 surface as the <see cref="WebSocketException"/> a real client socket
/// throws), frames travel as the same byte payloads a socket would carry, and a drop is an OnError.
/// </summary>
internal sealed class InMemoryTransport(ExchangeHub hub) : UpbitTransport
{
    public override IObservable<TransportEvent> Connect(TransportRequest request) => Observable.Create<TransportEvent>(observer =>
    {
        var connection = new InMemoryConnection(observer, request.MaxMessageBytes);
        var connect = hub.Scheduler.Schedule(() =>
        {
            var authorization = request.Headers.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value;
            var admission = hub.Admit(request.Endpoint.AbsolutePath, authorization);
            if (!admission.Accepted)
            {
                observer.OnError(new WebSocketException(
                    WebSocketError.NotAWebSocket,
                    $"The server returned status code '{admission.Status}' when status code '101' was expected."));
                return;
            }

            connection.Attach(sink => hub.Open(admission, sink));
        });
        return new CompositeDisposable(connect, Disposable.Create(connection.ClientClose));
    });
}
