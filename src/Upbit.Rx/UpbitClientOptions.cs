using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;

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
    /// <value>Default <see langword="null"/>: a client of its own with gzip decompression, disposed with the <see cref="UpbitClient"/>.</value>
    public HttpClient? HttpClient { get; init; }

    /// <summary>The message format requested for the whole connection.</summary>
    /// <value>Default <see cref="WireFormat.Default"/>.</value>
    public WireFormat Format { get; init; } = WireFormat.Default;

    /// <summary>Offer permessage-deflate compression on connect.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool Compression { get; init; } = true;

    /// <summary>
    /// How long the socket may go without traffic before the client sends a keep-alive: the text
    /// <c>PING</c> (answered by <c>{"status":"UP"}</c> every 10 s) and, on the real transport, protocol pings.
    /// </summary>
    /// <value>Default 20 seconds (Upbit closes sockets idle for about 60 s).</value>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long the client waits for any frame before it treats the connection as stalled, drops it and
    /// reconnects.
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

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(PublicEndpoint);
        ArgumentNullException.ThrowIfNull(PrivateEndpoint);
        ArgumentNullException.ThrowIfNull(Reconnect);
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
        ArgumentOutOfRangeException.ThrowIfLessThan(Linger, TimeSpan.Zero, nameof(Linger));
        ArgumentOutOfRangeException.ThrowIfLessThan(RateLimitMargin, TimeSpan.Zero, nameof(RateLimitMargin));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestsPerSecond, 1, nameof(MaxRequestsPerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestsPerMinute, MaxRequestsPerSecond, nameof(MaxRequestsPerMinute));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 1024, nameof(MaxMessageBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxMessageBytes, 1 << 30, nameof(MaxMessageBytes));
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
