using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Connection;

/// <summary>
/// Owns one endpoint's connection: opens it when the union gains a key, sends the current union through the
/// pacer, keeps it alive, detects stalls, reconnects with jittered backoff and resends the current union (never
/// stale requests), lingers after the last subscriber leaves, and turns server errors into stream errors.
/// </summary>
/// <remarks>
/// All state changes happen under one gate; transport callbacks carry a generation number so events of a
/// connection that was already replaced are ignored. Frames are decoded and routed outside the gate.
/// </remarks>
internal sealed partial class ConnectionSupervisor : IDisposable
{
    private readonly string _name;
    private readonly Uri _endpoint;
    private readonly UpbitClientOptions _options;
    private readonly ITransport _transport;
    private readonly SubscriptionRegistry _registry;
    private readonly Router _router;
    private readonly IScheduler _scheduler;
    private readonly ClientSignals _signals;
    private readonly Func<IReadOnlyList<KeyValuePair<string, string>>> _headers;
    private readonly Func<StreamKey, bool> _owns;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<StreamKey, byte> _confirmed = new();
    private readonly SerialDisposable _connection = new();
    private readonly SerialDisposable _timer = new();
    private readonly SerialDisposable _lingerTimer = new();
    private ConnectionPhase _phase = ConnectionPhase.Idle;
    private ITransportChannel? _channel;
    private Pacer? _pacer;
    private long _generation;
    private int _attempt;
    private long _requestCounter;
    private long _pacerWaitsClosed;
    private DateTimeOffset? _connectedAt;

    public ConnectionSupervisor(
        string name,
        Uri endpoint,
        UpbitClientOptions options,
        ITransport transport,
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
        signals.State(new ConnectionState(name, ConnectionStatus.Disconnected));
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
                    _timer.Disposable = null;
                    GoIdle("no subscribers");
                    break;
            }
        }

        if (connect)
        {
            Connect();
        }
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
        }

        _signals.State(new ConnectionState(_name, ConnectionStatus.Disconnected, Reason: "client disposed"));
    }

    /// <summary>The keys this endpoint serves right now, orderbooks collapsed to one wire key per code and level.</summary>
    private ImmutableArray<StreamKey> WireUnion() => WireKeys.Collapse(_registry.Union, _owns);

    private bool HasWork() => WireUnion().Length > 0 || HasPendingSnapshots();

    private void Connect()
    {
        long generation;
        TransportRequest request;
        lock (_gate)
        {
            if (_phase is not (ConnectionPhase.Idle or ConnectionPhase.WaitingToRetry))
            {
                return;
            }

            _phase = ConnectionPhase.Connecting;
            generation = ++_generation;
            request = new TransportRequest(_endpoint, _headers(), _options.Compression, _options.MaxMessageBytes);
            _timer.Disposable = _scheduler.Schedule(_options.ConnectTimeout, () => OnDropped(generation, $"connect timed out after {_options.ConnectTimeout.TotalSeconds:0.#} s", null));
        }

        _signals.State(new ConnectionState(_name, ConnectionStatus.Connecting, _attempt));
        var holder = new SingleAssignmentDisposable();
        var context = new ReceiveContext();
        _connection.Disposable = holder;
        holder.Disposable = _transport.Connect(request).Subscribe(
            e => OnEvent(generation, context, e),
            ex => OnDropped(generation, Describe(ex), ex),
            () => OnDropped(generation, "closed by the server", null));
    }

    private void OnOpened(long generation, ITransportChannel channel)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            _phase = ConnectionPhase.Open;
            _channel = channel;
            _attempt = 0;
            _connectedAt = _scheduler.Now;
            _confirmed.Clear();
            _pacer = new Pacer(_scheduler, _options.MaxRequestsPerSecond, _options.MaxRequestsPerMinute, () => BuildRequest(generation), text => SendNow(generation, text));
            MarkTraffic(received: true);
            ScheduleHealthCheck(generation);

            // NB: a PING before the first subscription starts Upbit's 10 s UP cycle, so even a quiet union keeps
            // frames flowing and the idle watchdog stays meaningful.
            SendNow(generation, "PING");
            if (HasWork())
            {
                _pacer.Signal();
            }
            else
            {
                StartLinger();
            }
        }

        _signals.State(new ConnectionState(_name, ConnectionStatus.Connected));
    }

    private void OnDropped(long generation, string reason, Exception? error)
    {
        ConnectionState state;
        lock (_gate)
        {
            if (generation != _generation || _phase == ConnectionPhase.Disposed)
            {
                return;
            }

            _generation++;
            TearDown();
            if (!HasWork())
            {
                _phase = ConnectionPhase.Idle;
                state = new ConnectionState(_name, ConnectionStatus.Disconnected, Reason: reason);
            }
            else
            {
                _attempt++;
                if (!Backoff.ShouldRetry(_options.Reconnect, _attempt))
                {
                    _phase = ConnectionPhase.Idle;
                    state = new ConnectionState(_name, ConnectionStatus.Disconnected, _attempt - 1, Reason: $"gave up after {_attempt - 1} attempts: {reason}");
                    var fatal = new UpbitException("connection_failed", state.Reason!, error ?? new IOException(reason));
                    _scheduler.Schedule(() => _router.Fail(_owns, fatal));
                }
                else
                {
                    var delay = Backoff.Delay(_options.Reconnect, _attempt, _random);
                    _phase = ConnectionPhase.WaitingToRetry;
                    var retryGeneration = _generation;
                    _timer.Disposable = _scheduler.Schedule(delay, () => Retry(retryGeneration));
                    state = new ConnectionState(_name, ConnectionStatus.Reconnecting, _attempt, delay, reason);
                }
            }
        }

        _signals.Error(new UpbitError(UpbitErrorKind.ConnectionFault, _name, reason, error));
        _signals.State(state);
    }

    private void Retry(long generation)
    {
        lock (_gate)
        {
            if (generation != _generation || _phase != ConnectionPhase.WaitingToRetry)
            {
                return;
            }

            if (!HasWork())
            {
                GoIdle("no subscribers");
                return;
            }
        }

        Connect();
    }

    private void GoIdle(string reason)
    {
        _phase = ConnectionPhase.Idle;
        _generation++;
        TearDown();
        _signals.State(new ConnectionState(_name, ConnectionStatus.Disconnected, Reason: reason));
    }

    private void TearDown()
    {
        _timer.Disposable = null;
        _lingerTimer.Disposable = null;
        _pacerWaitsClosed += _pacer?.Waits ?? 0;
        _pacer?.Dispose();
        _pacer = null;
        _connectedAt = null;
        _channel = null;
        _connection.Disposable = null;
    }

    private static string Describe(Exception error) => error switch
    {
        System.Net.WebSockets.WebSocketException ws => $"socket error ({ws.WebSocketErrorCode}): {ws.Message}",
        _ => error.Message,
    };
}
