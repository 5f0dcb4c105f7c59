using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>
/// What all connections of one server share: options, market source, the connect limiter and the session table.
/// Hosts ask it to admit an upgrade and to open a session for an accepted one; what happens is reported to the host's
/// <see cref="IExchangeObserver"/>, which keeps whatever logs it needs (the hub keeps none, so it runs for weeks).
/// </summary>
internal sealed class ExchangeHub : IDisposable
{
    private readonly object _gate = new();
    private readonly JwtVerifier _jwt;
    private readonly IExchangeObserver _observer;
    private readonly SlidingWindow _publicConnects;
    private readonly SlidingWindow _privateConnects;
    private readonly ConcurrentDictionary<int, ExchangeSession> _sessions = new();
    private int _nextId;
    private long _slowClientsDropped;
    private long _framesSent;
    private int _refuseNext;

    public ExchangeHub(EngineOptions options, IMarketSource source, IExchangeObserver observer)
    {
        Options = options;
        Source = source;
        _observer = observer;
        Errors = new ErrorCatalog(options.KoreanErrors);
        _jwt = new JwtVerifier(options.AccessKey, options.SecretKey);
        _publicConnects = new SlidingWindow(options.ConnectsPerSecond, TimeSpan.FromSeconds(1));
        _privateConnects = new SlidingWindow(options.ConnectsPerSecond, TimeSpan.FromSeconds(1));
    }

    public EngineOptions Options { get; }

    public IScheduler Scheduler => Options.Scheduler;

    public ErrorCatalog Errors { get; }

    public IMarketSource Source { get; }

    public ExchangeSession? Find(int id) => _sessions.GetValueOrDefault(id);

    public IEnumerable<ExchangeSession> Sessions => _sessions.Values;

    /// <summary>How many sessions were ever opened (ids run from 1 to this).</summary>
    public int OpenedCount => Volatile.Read(ref _nextId);

    /// <summary>How many sessions are open now.</summary>
    public int OpenCount => _sessions.Count;

    /// <summary>Connections dropped so far because their send queue overflowed.</summary>
    public long SlowClientsDropped => Interlocked.Read(ref _slowClientsDropped);

    /// <summary>Frames handed to connections so far (data, control and error frames).</summary>
    public long FramesSent => Interlocked.Read(ref _framesSent);

    /// <summary>Counts one connection dropped for a full send queue.</summary>
    public void NoteSlowClient() => Interlocked.Increment(ref _slowClientsDropped);

    /// <summary>Counts one frame handed to a connection.</summary>
    public void NoteFrameSent() => Interlocked.Increment(ref _framesSent);

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
        _observer.OnUpgrade(Scheduler.Now.UtcTicks, path, admission.Status);
        return admission;
    }

    private Admission Judge(string path, string? authorization)
    {
        var isPrivate = path == EndpointPaths.Private;
        if (!isPrivate && path != EndpointPaths.Public)
        {
            return new Admission(404, false, false, 0);
        }

        // NB: a server without a private side accepts the upgrade so that the refusal can be a readable error frame.
        var authorized = !isPrivate || !Options.ServesPrivate || _jwt.IsValid(authorization);
        lock (_gate)
        {
            var window = isPrivate ? _privateConnects : _publicConnects;
            var now = Scheduler.Now;
            if (_refuseNext > 0)
            {
                _refuseNext--;
                return new Admission(429, isPrivate, authorized, 0);
            }

            if (Options.EnforceConnectLimit && !window.TryAcquire(now))
            {
                return new Admission(429, isPrivate, authorized, 0);
            }

            if (!authorized && Options.RefuseUnauthorizedUpgrade)
            {
                return new Admission(401, isPrivate, false, window.Remaining(now));
            }

            return new Admission(101, isPrivate, authorized, window.Remaining(now));
        }
    }

    /// <summary>Creates and starts the session of an accepted upgrade.</summary>
    public ExchangeSession Open(Admission admission, IConnectionSink sink)
    {
        var id = Interlocked.Increment(ref _nextId);
        var session = new ExchangeSession(this, id, admission.IsPrivate, sink);
        _sessions[id] = session;
        _observer.OnOpened(id, admission.IsPrivate ? EndpointPaths.Private : EndpointPaths.Public, Scheduler.Now.UtcTicks);
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

    public void RecordRequest(int connectionId, string text) => _observer.OnRequest(Scheduler.Now.UtcTicks, connectionId, text);

    public void RecordClosed(int connectionId, int closeCode)
    {
        _sessions.TryRemove(connectionId, out _);
        _observer.OnClosed(connectionId, Scheduler.Now.UtcTicks, closeCode);
    }

    /// <summary>Drops every open session (the host disposes its market source and completes its logs).</summary>
    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Drop();
        }
    }
}
