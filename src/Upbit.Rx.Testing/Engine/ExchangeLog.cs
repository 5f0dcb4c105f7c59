using System.Reactive.Linq;
using System.Reactive.Subjects;
using Upbit.Rx.Server;
using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Testing.Engine;

/// <summary>
/// The fake exchange's observation logs: the last <see cref="FakeExchangeOptions.LogLimit"/> requests, connections and
/// upgrades (rings, so a server that runs for weeks keeps flat memory), and the hot streams of requests and connection
/// changes. Thread-safe: real-socket connections report from several threads at once.
/// </summary>
internal sealed class ExchangeLog(int limit) : IExchangeObserver
{
    private readonly object _gate = new();
    private readonly Ring<ReceivedRequest> _requests = new(limit);
    private readonly Ring<ConnectionRecord> _connections = new(limit);
    private readonly Ring<UpgradeAttempt> _upgrades = new(limit);
    private readonly ISubject<ReceivedRequest> _requestSubject = Subject.Synchronize(new Subject<ReceivedRequest>());
    private readonly ISubject<ConnectionRecord> _connectionSubject = Subject.Synchronize(new Subject<ConnectionRecord>());

    public IObservable<ReceivedRequest> RequestReceived => _requestSubject.AsObservable();

    public IObservable<ConnectionRecord> ConnectionChanged => _connectionSubject.AsObservable();

    public IReadOnlyList<ReceivedRequest> Requests => Copy(_requests);

    public IReadOnlyList<ConnectionRecord> Connections => Copy(_connections);

    public IReadOnlyList<UpgradeAttempt> Upgrades => Copy(_upgrades);

    public void OnUpgrade(long ticks, string path, int status)
    {
        lock (_gate)
        {
            _upgrades.Add(new UpgradeAttempt(ticks, path, status));
        }
    }

    public void OnOpened(int id, string path, long ticks)
    {
        var record = new ConnectionRecord(id, path, ticks, null, null);
        lock (_gate)
        {
            _connections.Add(record);
        }

        _connectionSubject.OnNext(record);
    }

    public void OnRequest(long ticks, int id, string text)
    {
        var request = new ReceivedRequest(ticks, id, text);
        lock (_gate)
        {
            _requests.Add(request);
        }

        _requestSubject.OnNext(request);
    }

    public void OnClosed(int id, long ticks, int closeCode)
    {
        ConnectionRecord closed;
        lock (_gate)
        {
            // NB: ids ascend in the ring; a record already forgotten is still reported on the stream.
            var index = _connections.LowerBound(id, c => c.Id);
            var found = index < _connections.Count && _connections[index].Id == id;
            closed = found ? _connections[index] : new ConnectionRecord(id, EndpointPaths.Public, ticks, null, null);
            closed = closed with { ClosedAt = ticks, CloseCode = closeCode };
            if (found)
            {
                _connections[index] = closed;
            }
        }

        _connectionSubject.OnNext(closed);
    }

    public void Complete()
    {
        _requestSubject.OnCompleted();
        _connectionSubject.OnCompleted();
    }

    private List<T> Copy<T>(Ring<T> ring)
    {
        lock (_gate)
        {
            var copy = new List<T>(ring.Count);
            for (var i = 0; i < ring.Count; i++)
            {
                copy.Add(ring[i]);
            }

            return copy;
        }
    }
}
