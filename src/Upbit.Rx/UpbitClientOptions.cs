using System.Diagnostics.Metrics;
using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Upbit.Rx.Transport;

namespace Upbit.Rx;

/// <summary>
/// Settings of an <see cref="UpbitClient"/>. Every default suits the real service; each is stated once,
/// in its <c>value</c> documentation.
/// </summary>
public sealed record UpbitClientOptions
{
    /// <summary>The public quotation endpoint.</summary>
    /// <value>Default <c>wss://api.upbit.com/websocket/v1</c>.</value>
    public Uri PublicEndpoint { get; init; } = new("wss://api.upbit.com/websocket/v1");

    /// <summary>The private endpoint (myOrder, myAsset).</summary>
    /// <value>Default <c>wss://api.upbit.com/websocket/v1/private</c>.</value>
    public Uri PrivateEndpoint { get; init; } = new("wss://api.upbit.com/websocket/v1/private");

    /// <summary>The REST host of <see cref="UpbitClient.Rest"/> (paths such as <c>/v1/ticker</c> are appended).</summary>
    /// <value>Default <see langword="null"/>: the host of <see cref="PublicEndpoint"/> with <c>ws</c> → <c>http</c> and <c>wss</c> →
    /// <c>https</c>, so one setting points both halves at the same (for example loopback) exchange; <c>https://api.upbit.com</c> by default.</value>
    public Uri? RestEndpoint { get; init; }

    /// <summary>The <see cref="System.Net.Http.HttpClient"/> <see cref="UpbitClient.Rest"/> sends with (for example one from
    /// <c>IHttpClientFactory</c>); the client does not dispose it.</summary>
    /// <value>Default <see langword="null"/>: a client of its own with gzip decompression, made at the first REST call (a client that
    /// only streams never makes one) and disposed with the <see cref="UpbitClient"/>.</value>
    public HttpClient? HttpClient { get; init; }

    /// <summary>The message format requested for the whole connection.</summary>
    /// <value>Default <see cref="WireFormat.Default"/>.</value>
    public WireFormat Format { get; init; } = WireFormat.Default;

    /// <summary>Offer permessage-deflate compression on connect.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool Compression { get; init; } = true;

    /// <summary>
    /// Whether a connection whose frames back up (the transport says the next frame is already waiting when one is
    /// taken, <see cref="TransportEvent.HasBacklog"/>) decodes them on more threads than its receive loop: up
    /// to one decoding worker per core but one, on the thread pool.
    /// Delivery keeps its contract either way: one frame at a time, in arrival order, never two at once; but with this
    /// on, <c>OnNext</c> may run on a decoding worker's thread instead of the receive loop's. While frames do not back
    /// up (normal rates) each one is decoded and delivered on the receive loop with no hand-off, on or off. A slow
    /// subscriber slows the socket's reads down in both modes: with this on, at most 64 decoded frames wait for it.
    /// Frames under 2 KB (tickers, trades) are decoded on the receive loop (handing them off costs about what decoding
    /// them does), except on a feed of them alone, where those of 768 bytes or more (tickers) may be handed off too.
    /// Turn it off to keep every callback on the receive loop's thread.
    /// </summary>
    /// <value>Default <see langword="true"/> (on the side-by-side benchmark, order books and the 200 x 3 mix went faster
    /// and their p99 lower, tickers unchanged; see docs/benchmarks.md).</value>
    public bool DecodeInParallel { get; init; } = true;

    /// <summary>
    /// How long the socket may go without traffic before the client sends a keep-alive: the text
    /// <c>PING</c> (answered by <c>{"status":"UP"}</c> every 10 s) and, on the real transport, protocol pings.
    /// The text <c>PING</c> is paced with the subscription requests: Upbit counts it against the same per-connection
    /// budget (<see cref="MaxRequestsPerSecond"/>, <see cref="MaxRequestsPerMinute"/>).
    /// </summary>
    /// <value>Default 20 seconds (Upbit closes sockets idle for about 60 s).</value>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long the client waits for a decodable frame (data, <c>UP</c>, an error frame) before it treats the
    /// connection as stalled, drops it and reconnects. Frames that cannot be decoded do not count as life.
    /// </summary>
    /// <value>Default 45 seconds.</value>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>How long a connect (TCP, TLS and upgrade) may take before it counts as failed.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Delays between reconnect attempts.</summary>
    /// <value>Default <see cref="BackoffOptions"/> defaults: 1 s doubling to 60 s with full jitter, forever.</value>
    public BackoffOptions Reconnect { get; init; } = new();

    /// <summary>
    /// How long an unused connection stays open after the last subscriber leaves; a subscriber that
    /// arrives within it reuses the socket.
    /// </summary>
    /// <value>Default 5 seconds.</value>
    public TimeSpan Linger { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests allowed per connection in any one-second window (Upbit: 5).</summary>
    /// <value>Default 5.</value>
    public int MaxRequestsPerSecond { get; init; } = 5;

    /// <summary>Requests allowed per connection in any sixty-second window (Upbit: 100).</summary>
    /// <value>Default 100.</value>
    public int MaxRequestsPerMinute { get; init; } = 100;

    /// <summary>
    /// Added to both rate windows (1 s and 60 s) when pacing requests. Upbit counts requests when they arrive and the
    /// network can bunch requests that left evenly spaced, so the client keeps a margin rather than sending the sixth
    /// request exactly one second after the first.
    /// </summary>
    /// <value>Default 250 milliseconds.</value>
    public TimeSpan RateLimitMargin { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The largest message accepted (1 KiB to 1 GiB); a larger one fails the connection, which then recovers.</summary>
    /// <value>Default 4 MiB.</value>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How long a snapshot call waits for Upbit's answer before it fails with <see cref="TimeoutException"/>.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan SnapshotTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After a reconnect of the public connection, fetch the trades each live trade stream missed while the socket was down
    /// from REST (<c>/v1/trades/ticks</c>, paged back to the last <c>sequential_id</c> delivered) and deliver them, in trade
    /// order, before the live trades that arrived meanwhile. A gap REST cannot fill is reported on
    /// <see cref="UpbitClient.Errors"/> as <see cref="UpbitErrorKind.TradeGap"/>. Turn it off to skip the REST calls and
    /// accept gaps across reconnects.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool BackfillTrades { get; init; } = true;

    /// <summary>
    /// The most trades one backfill of one code delivers (1 to 100,000); when more were missed, the newest this many are
    /// delivered and the older rest is reported as a <see cref="UpbitErrorKind.TradeGap"/>. Each 500 trades cost one REST
    /// request of the <c>trades</c> group (10 per second, shared with every other caller).
    /// </summary>
    /// <value>Default 10,000 trades (20 pages).</value>
    public int BackfillLimit { get; init; } = 10_000;

    /// <summary>
    /// How long one backfill may take before it is abandoned (what it fetched is delivered, the rest reported as a
    /// <see cref="UpbitErrorKind.TradeGap"/>); the live trades of that code wait for it, so it also bounds that wait.
    /// </summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan BackfillTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The scheduler every timer of the client runs on; pass a TestScheduler to run it in virtual time. It must run work
    /// later rather than inline (<see cref="ImmediateScheduler"/> and <see cref="CurrentThreadScheduler"/> are refused).
    /// </summary>
    /// <value>Default <see cref="DefaultScheduler.Instance"/>.</value>
    public IScheduler Scheduler { get; init; } = DefaultScheduler.Instance;

    /// <summary>Seed for the reconnect jitter; set it to make delays reproducible in tests.</summary>
    /// <value>Default <see langword="null"/>: a random seed.</value>
    public int? RandomSeed { get; init; }

    /// <summary>Where the client logs connection changes and handled errors (never secrets).</summary>
    /// <value>Default <see langword="null"/>: no logging.</value>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// Where the client gets its <see cref="Meter"/> (<see cref="UpbitClient.MeterName"/>) from, normally the host's
    /// (<c>AddUpbitRx</c> passes it). The factory owns that meter: the client leaves it to the factory to dispose, and
    /// clients sharing one factory share one meter.
    /// </summary>
    /// <value>Default <see langword="null"/>: the client creates its own meter and disposes it with itself.</value>
    public IMeterFactory? MeterFactory { get; init; }

    /// <summary>
    /// How long the public socket may stay down (dropped and not yet re-established) before tickers, order books and current
    /// candles are polled over <see cref="UpbitClient.Rest"/> instead; polling stops as soon as the socket is back. Trades are
    /// never polled. <see langword="null"/> turns the fallback off.
    /// </summary>
    /// <value>Default 5 s.</value>
    public TimeSpan? FallbackAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the fallback polls each stream type (one multi-code request for all tickers, one per order-book
    /// level, one per candle code and interval, each group paced by <see cref="FallbackRequestsPerSecond"/>).</summary>
    /// <value>Default 1 s.</value>
    public TimeSpan FallbackPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The most requests per second the fallback sends in each REST rate-limit group (ticker, orderbook, candles),
    /// leaving the rest of Upbit's 10 per second to other calls; the REST client's own pacer is the hard limit behind it.</summary>
    /// <value>Default 5; 1 to 10.</value>
    public int FallbackRequestsPerSecond { get; init; } = 5;

    /// <summary>The API key pair for the private streams; the public streams need none.</summary>
    /// <value>Default <see langword="null"/>: private streams fail at the call.</value>
    public UpbitCredentials? Credentials { get; init; }

    /// <summary>
    /// Whether stream and snapshot calls check their codes against the market list (fetched over REST once, then
    /// cached). Turn it off for offline use or for an exchange without the REST market list.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool ValidateCodes { get; init; } = true;

    /// <summary>How long the cached market list is trusted before the next use fetches it again; also the period of the
    /// refresh while <see cref="UpbitClient.Markets"/> is subscribed.</summary>
    /// <value>Default 1 hour.</value>
    public TimeSpan MarketsRefreshInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The connection that carries the frames for both endpoints (see <see cref="UpbitTransport"/> for its contract),
    /// for example the Websocket.Client transport of the package Upbit.Rx.WebsocketClient, or the fake exchange's
    /// in-memory one. The client still owns reconnects, pacing and liveness; a transport only connects and carries frames.
    /// </summary>
    /// <value>Default <see langword="null"/>: a <see cref="System.Net.WebSockets.ClientWebSocket"/> per connection,
    /// with protocol pings every <see cref="KeepAliveInterval"/>.</value>
    public UpbitTransport? Transport { get; init; }

    /// <summary>
    /// Checks every option the way <see cref="UpbitClient"/>'s constructor does, so a host can refuse bad settings at
    /// start-up (<c>AddUpbitRx</c> runs it through <c>ValidateOnStart</c>) rather than at the first subscription.
    /// </summary>
    /// <exception cref="ArgumentNullException">A required option is null; the parameter name is the option's.</exception>
    /// <exception cref="ArgumentException">
    /// An option is invalid or out of range (<see cref="ArgumentOutOfRangeException"/>); the message names the option
    /// and never contains credentials.
    /// </exception>
    public void Validate()
    {
        WebSocketEndpoint(PublicEndpoint, nameof(PublicEndpoint), "wss://api.upbit.com/websocket/v1");
        WebSocketEndpoint(PrivateEndpoint, nameof(PrivateEndpoint), "wss://api.upbit.com/websocket/v1/private");
        ArgumentNullException.ThrowIfNull(Reconnect);
        Connection.Backoff.Validate(Reconnect);
        ArgumentNullException.ThrowIfNull(Scheduler);
        if (Scheduler is ImmediateScheduler or CurrentThreadScheduler)
        {
            // NB: waits for rate budget and timers would block the caller's thread on a synchronous scheduler.
            throw new ArgumentException("UpbitClientOptions.Scheduler must schedule work for later (not Immediate or CurrentThread).", nameof(Scheduler));
        }

        Positive(KeepAliveInterval, nameof(KeepAliveInterval));
        Positive(IdleTimeout, nameof(IdleTimeout));
        Positive(ConnectTimeout, nameof(ConnectTimeout));
        Positive(SnapshotTimeout, nameof(SnapshotTimeout));
        Positive(MarketsRefreshInterval, nameof(MarketsRefreshInterval));
        Positive(BackfillTimeout, nameof(BackfillTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackfillLimit, 1, nameof(BackfillLimit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BackfillLimit, 100_000, nameof(BackfillLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(Linger, TimeSpan.Zero, nameof(Linger));
        ArgumentOutOfRangeException.ThrowIfLessThan(RateLimitMargin, TimeSpan.Zero, nameof(RateLimitMargin));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestsPerSecond, 1, nameof(MaxRequestsPerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestsPerMinute, MaxRequestsPerSecond, nameof(MaxRequestsPerMinute));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 1024, nameof(MaxMessageBytes));
        if (FallbackAfter is { } fallbackAfter)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(fallbackAfter, TimeSpan.Zero, nameof(FallbackAfter));
        }

        Positive(FallbackPollInterval, nameof(FallbackPollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(FallbackRequestsPerSecond, 1, nameof(FallbackRequestsPerSecond));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FallbackRequestsPerSecond, 10, nameof(FallbackRequestsPerSecond));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxMessageBytes, 1 << 30, nameof(MaxMessageBytes));
    }

    private static void WebSocketEndpoint(Uri? endpoint, string name, string upbit)
    {
        ArgumentNullException.ThrowIfNull(endpoint, name);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"UpbitClientOptions.{name} must be an absolute ws:// or wss:// URI, such as Upbit's {upbit}; got a relative URI.", name);
        }

        // NB: only the scheme goes into the message, since a URI may carry user information.
        if (endpoint.Scheme != Uri.UriSchemeWss && endpoint.Scheme != Uri.UriSchemeWs)
        {
            var hint = endpoint.Scheme == Uri.UriSchemeHttps || endpoint.Scheme == Uri.UriSchemeHttp
                ? $" (Upbit's WebSocket endpoint is {upbit}; REST URLs such as {endpoint.Scheme}://api.upbit.com/v1 are not WebSocket endpoints)"
                : string.Empty;
            throw new ArgumentException($"UpbitClientOptions.{name} must be a ws:// or wss:// URI, not {endpoint.Scheme}://{hint}.", name);
        }
    }

    internal Uri RestBaseAddress() => RestEndpoint ?? new UriBuilder(PublicEndpoint)
    {
        Scheme = PublicEndpoint.Scheme == Uri.UriSchemeWs ? Uri.UriSchemeHttp : Uri.UriSchemeHttps,
        Path = "/",
        Query = string.Empty,
    }.Uri;

    private static void Positive(TimeSpan value, string name) =>
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, name);
}
