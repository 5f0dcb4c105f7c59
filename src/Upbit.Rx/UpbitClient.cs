using Upbit.Rx.Connection;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx;

/// <summary>
/// The Upbit WebSocket client. Every stream method returns a cold observable; subscribing adds its keys to
/// one global, ref-counted subscription set and disposing removes them. One connection per endpoint (public,
/// private) carries the whole union, paced within Upbit's limits, and reconnects by itself.
/// </summary>
/// <remarks>
/// <para>
/// After a reconnect the whole union is sent again and an existing subscriber of a state stream (ticker, order book,
/// candle) receives one gap-filling value marked <see cref="Streams.StreamType.Snapshot"/> (the state now) unless it
/// equals the last value it got; a trade subscriber receives the latest trade, marked
/// <see cref="Streams.StreamType.Snapshot"/>, only if it is newer than every trade it already got (never a repeat);
/// myOrder and myAsset events of the outage are not replayed. Transient server errors (<see cref="UpbitException.IsTransient"/>)
/// reconnect without failing any stream.
/// </para>
/// Thread-safe: subscribe and dispose from any thread. Values arrive on the connection's receive thread, or, while
/// large frames back up, on one of its decoding workers (<see cref="UpbitClientOptions.DecodeInParallel"/>): one at a
/// time and in arrival order either way (under virtual time, on the options' scheduler); use <c>ObserveOn</c> or the
/// operators in <c>Upbit.Rx.Operators</c> to move or thin them.
/// </remarks>
public sealed partial class UpbitClient : IDisposable, IAsyncDisposable
{
    private const string PublicName = "public";
    private const string PrivateName = "private";

    private readonly UpbitClientOptions _options;
    private readonly SubscriptionRegistry _registry = new();
    private readonly Router _router;
    private readonly ClientSignals _signals;
    private readonly ConnectionSupervisor _public;
    private readonly ConnectionSupervisor _private;
    private int _disposed;

    /// <summary>Creates a client for the real service with default options. Nothing connects until a stream is subscribed.</summary>
    public UpbitClient()
        : this(new UpbitClientOptions())
    {
    }

    /// <summary>Creates a client. Nothing connects until a stream is subscribed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public UpbitClient(UpbitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Backoff.Validate(options.Reconnect);
        _options = options;
        _router = new Router(options.Scheduler);
        _signals = new ClientSignals(options.LoggerFactory?.CreateLogger("Upbit.Rx"));
        var transport = options.Transport ?? new WebSocketTransport(options.KeepAliveInterval);
        _public = new ConnectionSupervisor(PublicName, options.PublicEndpoint, options, transport, _registry, _router, _signals, k => !k.IsPrivate, () => []);
        _private = new ConnectionSupervisor(PrivateName, options.PrivateEndpoint, options, transport, _registry, _router, _signals, k => k.IsPrivate, PrivateHeaders);
        _rest = CreateRest(options);
        _backfill = CreateBackfill(options);
        _registry.Changed += OnUnionChanged;
        _meter = CreateMeter();
        _public.UseFallback(new RestFallback(PublicName, options, _rest, _registry, _router, _signals));
        _markets = CreateMarkets(options);
    }

    /// <summary>
    /// Connection state changes of both endpoints. Hot; each new subscriber first receives the current state of
    /// every endpoint used so far (none before anything was subscribed; <c>private</c> only once a private stream
    /// was), then every change. Never errors; completes when the client is disposed.
    /// </summary>
    public IObservable<ConnectionState> ConnectionStates => _signals.States;

    /// <summary>
    /// Problems the client handled without stopping: throwing subscribers (detached), malformed frames
    /// (skipped), server error frames, dropped connections. Hot; never errors; completes on dispose.
    /// </summary>
    public IObservable<UpbitError> Errors => _signals.Errors;

    /// <summary>
    /// Closes both connections, completes every live stream, fails pending snapshot calls with
    /// <see cref="ObjectDisposedException"/>, and completes <see cref="ConnectionStates"/>, <see cref="Errors"/> and every
    /// <see cref="Health"/> stream. Idempotent. Never waits for a subscriber: an OnNext running on another thread may
    /// still finish after this returns, but no new one starts (see "Threading contract" in docs/architecture.md).
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _registry.Changed -= OnUnionChanged;
        if (_options.MeterFactory is null)
        {
            _meter.Dispose();                                    // NB: a factory's meter is the factory's to dispose
        }

        _closing.Cancel();
        _backfill?.Dispose();
        _markets.Dispose();
        _rest.Dispose();
        _public.Dispose();
        _private.Dispose();
        _router.CompleteAll(new ObjectDisposedException(nameof(UpbitClient), "The client was disposed before the snapshot arrived."));
        _signals.Dispose();
        CompleteHealth();
        _closing.Dispose();
    }

    /// <summary>
    /// Does what <see cref="Dispose"/> does, then completes once each open connection has finished its close
    /// handshake (the server saw a normal closure), as <c>ClientWebSocket.CloseAsync</c> does. Bounded: a server
    /// that does not answer the close frame is aborted after about 2 s. Idempotent; a second call returns at once.
    /// </summary>
    /// <returns>A task that completes when the connections are closed; it never faults.</returns>
    public async ValueTask DisposeAsync()
    {
        // NB: the supervisors hand out their sockets' close tasks before disposing them; Dispose then runs as usual.
        var closing = Volatile.Read(ref _disposed) == 1
            ? Task.CompletedTask
            : Task.WhenAll(_public.CloseAsync(), _private.CloseAsync());
        Dispose();
        try
        {
            // NB: the transport already aborts an unanswered close after its grace; this bound only guards against a
            // close that never reports back at all.
            await closing.WaitAsync(WebSocketChannel.CloseGrace + WebSocketChannel.CloseGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // NB: the socket was abandoned; there is nothing left to wait for.
        }
    }

    internal SubscriptionRegistry Registry => _registry;

    internal ConnectionSupervisor PublicConnection => _public;

    internal ConnectionSupervisor PrivateConnection => _private;

    internal Router Router => _router;

    internal ClientSignals Signals => _signals;

    private void OnUnionChanged(bool isPrivate, bool isPublic)
    {
        if (isPublic)
        {
            _public.UnionChanged();
        }

        if (isPrivate)
        {
            _private.UnionChanged();
        }
    }

    private IReadOnlyList<KeyValuePair<string, string>> PrivateHeaders()
    {
        var credentials = _options.Credentials
            ?? throw new InvalidOperationException("Private streams need UpbitClientOptions.Credentials.");
        return [KeyValuePair.Create("Authorization", "Bearer " + JwtSigner.Sign(credentials, Guid.NewGuid()))];
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
