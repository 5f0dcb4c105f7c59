using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Upbit.Rx.Subscriptions;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Connection;

/// <summary>
/// Owns one endpoint's connection: opens it when the union gains a key, sends the current union through the
/// pacer, keeps it alive, detects stalls, reconnects with jittered backoff and resends the current union (never
/// stale requests), lingers after the last subscriber leaves, and turns server errors into stream errors.
/// </summary>
/// <remarks>
/// All state changes happen under one gate; transport callbacks carry a generation number so events of a
/// connection that was already replaced are ignored. Frames are decoded and routed outside the gate, inside a
/// per-connection routing window that the next connection's opener waits to see closed. Every text frame sent,
/// the keep-alive <c>PING</c> included, goes through the connection's <see cref="Pacer"/>.
/// </remarks>
internal sealed partial class ConnectionSupervisor : IDisposable
{
    /// <summary>Upbit's text keep-alive; it starts a <c>{"status":"UP"}</c> every 10 s and costs one request of budget.</summary>
    private const string Ping = "PING";

    private readonly string _name;
    private readonly Uri _endpoint;
    private readonly UpbitClientOptions _options;
    private readonly UpbitTransport _transport;
    private readonly SubscriptionRegistry _registry;
    private readonly Router _router;
    private readonly IScheduler _scheduler;
    private readonly ClientSignals _signals;
    private readonly Func<IReadOnlyList<KeyValuePair<string, string>>> _headers;
    private readonly Func<StreamKey, bool> _owns;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly ConfirmedRoutes _confirmed = new();
    private readonly SerialDisposable _connection = new();
    private readonly SerialDisposable _timer = new();
    private readonly SerialDisposable _lingerTimer = new();
    private ConnectionPhase _phase = ConnectionPhase.Idle;
    private UpbitTransportChannel? _channel;
    private Pacer? _pacer;
    private long _generation;
    private int _attempt;
    private int _serverErrorStreak;
    private ReceiveContext? _routedContext;
    private long _routingWaits;
    private long _requestCounter;
    private long _pacerWaitsClosed;
    private DateTimeOffset? _connectedAt;

    public ConnectionSupervisor(
        string name,
        Uri endpoint,
        UpbitClientOptions options,
        UpbitTransport transport,
        SubscriptionRegistry registry,
        Router router,
        ClientSignals signals,
        Func<StreamKey, bool> owns,
        Func<IReadOnlyList<KeyValuePair<string, string>>> headers)
    {
        _name = name;
        _endpoint = endpoint;
        _options = options;
        _transport = transport;
        _registry = registry;
        _router = router;
        _scheduler = options.Scheduler;
        _signals = signals;
        _owns = owns;
        _headers = headers;
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
        // NB: an endpoint nobody has used yet is Disconnected for health, but ConnectionStates names it only once it is
        // used, so users of public streams never see "private: Disconnected".
        _signals.Seed(new ConnectionState(_name, ConnectionStatus.Disconnected));
    }

    public string Name => _name;

    /// <summary>When the current connection opened; <see langword="null"/> while not connected.</summary>
    public DateTimeOffset? ConnectedAt
    {
        get
        {
            lock (_gate)
            {
                return _connectedAt;
            }
        }
    }

    /// <summary>Times a request waited for rate budget, over every connection so far.</summary>
    public long PacerWaits
    {
        get
        {
            lock (_gate)
            {
                return _pacerWaitsClosed + (_pacer?.Waits ?? 0);
            }
        }
    }

    /// <summary>Times an opening connection waited for a frame of the connection it replaced to finish routing.</summary>
    public long RoutingWaits => Interlocked.Read(ref _routingWaits);

    /// <summary>Frames of the newest opened connection received and not yet routed (or dropped).</summary>
    public int FramesInFlight => Volatile.Read(ref _routedContext)?.FramesInFlight ?? 0;

    /// <summary>Called by the registry (outside its gate) whenever the union changed.</summary>
    public void UnionChanged()
    {
        var connect = false;
        lock (_gate)
        {
            var wanted = HasWork();
            switch (_phase)
            {
                case ConnectionPhase.Idle when wanted:
                    connect = true;
                    break;
                case ConnectionPhase.Open when wanted:
                    _lingerTimer.Disposable = null;
                    _pacer?.Signal();
                    break;
                case ConnectionPhase.Open:
                    StartLinger();
                    break;
                case ConnectionPhase.WaitingToRetry when !wanted:
                    GoIdle("no subscribers");
                    break;
            }
        }

        PublishStates();
        TellBackfill(reconnected: false);
        if (connect)
        {
            Connect();
        }
    }

    /// <summary>
    /// Disposes the supervisor (see <see cref="Dispose"/>) and returns a task that completes when the connection it
    /// closed has finished its close handshake, or was aborted after the transport's grace (about 2 s).
    /// </summary>
    public Task CloseAsync()
    {
        UpbitTransportChannel? channel;
        lock (_gate)
        {
            channel = _phase == ConnectionPhase.Disposed ? null : _channel;
        }

        Dispose();
        return channel?.Closed ?? Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_phase == ConnectionPhase.Disposed)
            {
                return;
            }

            _phase = ConnectionPhase.Disposed;
            _generation++;
            TearDown();
            DisarmFallback();
            _connection.Dispose();
            Announce(ConnectionStatus.Disconnected, reason: "client disposed");
        }

        PublishStates();
    }

    /// <summary>The keys this endpoint serves right now, orderbooks collapsed to one wire key per code and level.</summary>
    private ImmutableArray<StreamKey> WireUnion() => WireKeys.Collapse(_registry.Union, _owns);

    private bool HasWork() => WireUnion().Length > 0 || HasPendingSnapshots();
}
