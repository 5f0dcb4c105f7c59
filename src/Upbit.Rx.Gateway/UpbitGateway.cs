using Upbit.Rx.Gateway.Upstream;
using Upbit.Rx.Server;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Gateway;

/// <summary>
/// An Upbit-compatible WebSocket server that lets many local clients, in any language, share one upstream connection.
/// Each downstream connection gets Upbit's own protocol from the engine the fake exchange uses (replace-on-request,
/// type objects and their flags, snapshots (from the gateway's cache when the key is already live), formats,
/// <c>PING</c>/<c>UP</c>, error frames, <c>LIST_SUBSCRIPTIONS</c>, per-connection limits); all their subscriptions
/// merge into the one ref-counted, paced union of the upstream <see cref="UpbitClient"/>. Private streams are refused
/// with an <c>INVALID_AUTH</c> error frame: each user's keys stay with that user.
/// </summary>
/// <remarks>
/// The upstream client is the caller's: the gateway never disposes it, and an upstream outage is the client's to ride
/// out (reconnect, resend, trade backfill) while downstream connections stay open. An upstream stream that ends for
/// good (a permanent error, or the client disposed) is not kept quiet: each downstream connection that holds it gets an
/// Upbit-style error frame and a close (see docs/gateway.md). A downstream client that leaves
/// releases its keys, which leave the upstream union after the client's <see cref="UpbitClientOptions.Linger"/>.
/// All members are thread-safe.
/// </remarks>
/// <example><code>
/// await using var upbit = new UpbitClient();
/// await using var gateway = new UpbitGateway(upbit);
/// await gateway.StartAsync();
/// Console.WriteLine(gateway.Endpoint);   // ws://127.0.0.1:{port}/websocket/v1
/// </code></example>
public sealed partial class UpbitGateway : IAsyncDisposable
{
    private readonly ExchangeHub _hub;
    private readonly UpstreamSource _source;
    private readonly GatewayCounters _counters = new();
    private readonly IDisposable _states;
    private readonly IDisposable _failures;
    private ConnectionState? _upstreamState;

    /// <summary>Creates the gateway over <paramref name="upstream"/>; downstream clients can use
    /// <see cref="Transport"/> at once, sockets after <see cref="StartAsync"/>.</summary>
    /// <param name="upstream">The client whose connection all downstream clients share (not disposed by the gateway).</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="upstream"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting cannot work (see <see cref="UpbitGatewayOptions"/>).</exception>
    public UpbitGateway(UpbitClient upstream, UpbitGatewayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        Options = options ?? new UpbitGatewayOptions();
        Options.Validate();
        Upstream = upstream;
        _source = new UpstreamSource(upstream, Options.Scheduler);
        _hub = new ExchangeHub(EngineOptionsOf(Options), _source, _counters);
        Transport = new InMemoryTransport(_hub);
        _failures = _source.Failures.Subscribe(Tell);
        _states = upstream.ConnectionStates.Subscribe(s =>
        {
            if (s.Endpoint == "public")
            {
                Volatile.Write(ref _upstreamState, s);
            }
        });
    }

    /// <summary>The settings in force.</summary>
    public UpbitGatewayOptions Options { get; }

    /// <summary>The upstream client.</summary>
    public UpbitClient Upstream { get; }

    /// <summary>The gateway in memory as an <see cref="UpbitTransport"/>, on <see cref="UpbitGatewayOptions.Scheduler"/>:
    /// set it as <see cref="UpbitClientOptions.Transport"/> of an in-process <see cref="UpbitClient"/> (any endpoint
    /// path <c>/websocket/v1</c>) to share the upstream without a socket.</summary>
    public UpbitTransport Transport { get; }

    /// <summary>Counters and the upstream state, read now.</summary>
    public UpbitGatewayStatus Status => new(
        _hub.OpenCount,
        Volatile.Read(ref _upstreamState),
        _source.HeldKeys,
        _source.Received,
        _hub.FramesSent,
        _counters.Requests,
        _hub.SlowClientsDropped);

    private static EngineOptions EngineOptionsOf(UpbitGatewayOptions options) => new()
    {
        Scheduler = options.Scheduler,
        ServesPrivate = false,
        AccessKey = "-",
        SecretKey = "-",
        RefuseUnauthorizedUpgrade = false,
        IdleTimeout = options.IdleTimeout,
        StatusInterval = TimeSpan.FromSeconds(10),
        AnswerPingWhenSubscribed = true,
        ErrorCloseDelay = TimeSpan.FromMilliseconds(300),
        KoreanErrors = options.KoreanErrors,
        RequestsPerSecond = options.RequestsPerSecond,
        RequestsPerMinute = options.RequestsPerMinute,
        EnforceRequestLimits = true,
        RequestLimitCloses = true,
        // NB: local connects are free: the gateway, not its clients, is what connects to Upbit.
        ConnectsPerSecond = int.MaxValue,
        EnforceConnectLimit = false,
        MissingFormatResetsToDefault = true,
        ListFormatBatchSize = 1,
        SendQueueLimit = options.SendQueueLimit,
        CloseSlowClients = true,
    };
}
