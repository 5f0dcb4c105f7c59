using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Engine;

/// <summary>
/// What all connections of one exchange share: options, scheduler, market, the connect limiter, the session table
/// and the observation logs. Hosts ask it to admit an upgrade and to open a session for an accepted one.
/// </summary>
internal sealed class ExchangeHub : IDisposable
{
    private readonly object _gate = new();
    private readonly JwtVerifier _jwt;
    private readonly SlidingWindow _publicConnects;
    private readonly SlidingWindow _privateConnects;
    private readonly ConcurrentDictionary<int, ExchangeSession> _sessions = new();
    private readonly List<ReceivedRequest> _requests = [];
    private readonly List<ConnectionRecord> _connections = [];
    private readonly List<UpgradeAttempt> _upgrades = [];
    // NB: synchronized because real-socket connections report from several threads at once.
    private readonly ISubject<ReceivedRequest> _requestSubject = Subject.Synchronize(new Subject<ReceivedRequest>());
    private readonly ISubject<ConnectionRecord> _connectionSubject = Subject.Synchronize(new Subject<ConnectionRecord>());
    private int _nextId;
    private int _refuseNext;

    public ExchangeHub(FakeExchangeOptions options, IScheduler scheduler)
    {
        Options = options;
        Scheduler = scheduler;
        Errors = new ErrorCatalog(options.Language);
        Market = new MarketSimulator(options.Market, scheduler);
        _jwt = new JwtVerifier(options.AccessKey, options.SecretKey);
        _publicConnects = new SlidingWindow(options.ConnectsPerSecond, TimeSpan.FromSeconds(1));
        _privateConnects = new SlidingWindow(options.ConnectsPerSecond, TimeSpan.FromSeconds(1));
    }

    public FakeExchangeOptions Options { get; }

    public IScheduler Scheduler { get; }

    public ErrorCatalog Errors { get; }

    public MarketSimulator Market { get; }

    public IObservable<ReceivedRequest> RequestReceived => _requestSubject.AsObservable();

    public IObservable<ConnectionRecord> ConnectionChanged => _connectionSubject.AsObservable();

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<ConnectionRecord> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    public IReadOnlyList<UpgradeAttempt> Upgrades
    {
        get
        {
            lock (_gate)
            {
                return [.. _upgrades];
            }
        }
    }

    public ExchangeSession? Find(int id) => _sessions.GetValueOrDefault(id);

    public IEnumerable<ExchangeSession> Sessions => _sessions.Values;

    /// <summary>Refuses the next <paramref name="count"/> upgrades with HTTP 429.</summary>
    public void RefuseNext(int count)
    {
        lock (_gate)
        {
            _refuseNext += count;
        }
    }

    /// <summary>Judges an upgrade request for <paramref name="path"/> with the given <c>Authorization</c> header.</summary>
    public Admission Admit(string path, string? authorization)
    {
        var admission = Judge(path, authorization);
        lock (_gate)
        {
            _upgrades.Add(new UpgradeAttempt(Scheduler.Now.UtcTicks, path, admission.Status));
        }

        return admission;
    }

    private Admission Judge(string path, string? authorization)
    {
        var isPrivate = path == ConnectionRecord.PrivatePath;
        if (!isPrivate && path != ConnectionRecord.PublicPath)
        {
            return new Admission(404, false, false, 0);
        }

        var authorized = !isPrivate || _jwt.IsValid(authorization);
        lock (_gate)
        {
            var window = isPrivate ? _privateConnects : _publicConnects;
            var now = Scheduler.Now;
            if (_refuseNext > 0)
            {
                _refuseNext--;
                return new Admission(429, isPrivate, authorized, 0);
            }

            if (Options.ConnectLimit == ConnectLimitBehavior.Refuse && !window.TryAcquire(now))
            {
                return new Admission(429, isPrivate, authorized, 0);
            }

            if (!authorized && Options.AuthFailure == AuthFailureBehavior.RefuseUpgrade)
            {
                return new Admission(401, isPrivate, false, window.Remaining(now));
            }

            return new Admission(101, isPrivate, authorized, window.Remaining(now));
        }
    }

    /// <summary>Creates and starts the session of an accepted upgrade.</summary>
    public ExchangeSession Open(Admission admission, IConnectionSink sink)
    {
        ConnectionRecord record;
        lock (_gate)
        {
            var id = ++_nextId;
            record = new ConnectionRecord(id, admission.IsPrivate ? ConnectionRecord.PrivatePath : ConnectionRecord.PublicPath, Scheduler.Now.UtcTicks, null, null);
            _connections.Add(record);
        }

        var session = new ExchangeSession(this, record.Id, admission.IsPrivate, sink);
        _sessions[record.Id] = session;
        _connectionSubject.OnNext(record);
        session.Start(admission.Authorized);
        return session;
    }

    /// <summary>Sends a private message (myOrder, myAsset, announcement) to every private connection subscribed to it.</summary>
    public void Publish(UpbitMessage message)
    {
        foreach (var session in _sessions.Values)
        {
            session.Deliver(message);
        }
    }

    public void RecordRequest(int connectionId, string text)
    {
        var request = new ReceivedRequest(Scheduler.Now.UtcTicks, connectionId, text);
        lock (_gate)
        {
            _requests.Add(request);
        }

        _requestSubject.OnNext(request);
    }

    public void RecordClosed(int connectionId, int closeCode)
    {
        _sessions.TryRemove(connectionId, out _);
        ConnectionRecord closed;
        lock (_gate)
        {
            var index = _connections.FindIndex(c => c.Id == connectionId);
            closed = _connections[index] with { ClosedAt = Scheduler.Now.UtcTicks, CloseCode = closeCode };
            _connections[index] = closed;
        }

        _connectionSubject.OnNext(closed);
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Drop();
        }

        Market.Dispose();
        _requestSubject.OnCompleted();
        _connectionSubject.OnCompleted();
    }
}
