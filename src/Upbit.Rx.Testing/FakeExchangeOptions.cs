using Upbit.Rx.Server;
using System.Reactive.Concurrency;
using System.Text;

namespace Upbit.Rx.Testing;

/// <summary>
/// Settings of a <see cref="FakeUpbitExchange"/> or a <see cref="LoopbackUpbitServer"/>. Every default matches the
/// stricter of Upbit's documented and observed behaviour, so code that passes against the defaults passes against Upbit.
/// </summary>
/// <remarks><see cref="ToString"/> never prints <see cref="SecretKey"/> and shows only the first four chars of
/// <see cref="AccessKey"/>.</remarks>
public sealed record FakeExchangeOptions
{
    /// <summary>The scheduler every timer of the exchange and of its market runs on.</summary>
    /// <value>Default <see cref="DefaultScheduler.Instance"/>; pass a <c>TestScheduler</c> for virtual time.
    /// A <see cref="LoopbackUpbitServer"/> needs a real-time scheduler, so keep the default there.</value>
    public IScheduler Scheduler { get; init; } = DefaultScheduler.Instance;

    /// <summary>The access key a private connection's JWT must carry in its <c>access_key</c> claim.</summary>
    /// <value>Default <c>"fake-access-key"</c>.</value>
    public string AccessKey { get; init; } = "fake-access-key";

    /// <summary>The secret that signs private connections' JWTs (HS256 or HS512). Never logged or echoed.</summary>
    /// <value>Default <c>"fake-secret-key"</c>.</value>
    public string SecretKey { get; init; } = "fake-secret-key";

    /// <summary>How a missing or invalid token on the private endpoint is answered.</summary>
    /// <value>Default <see cref="AuthFailureBehavior.ErrorFrame"/>.</value>
    public AuthFailureBehavior AuthFailure { get; init; } = AuthFailureBehavior.ErrorFrame;

    /// <summary>A connection with no frame in either direction for this long is dropped abruptly (no close frame).
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it.</summary>
    /// <value>Default 60 s (observed; the docs say 120 s).</value>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The period of <c>{"status":"UP"}</c> frames after the client's first text <c>PING</c>.</summary>
    /// <value>Default 10 s.</value>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether a <c>PING</c> on a connection that already has a subscription starts the <c>UP</c> cycle
    /// (the Indonesian host does; the Korean host was seen not to).</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool AnswerPingWhenSubscribed { get; init; } = true;

    /// <summary>The delay between an error frame and the close frame (code 1000) that follows it.</summary>
    /// <value>Default 300 ms (150–810 ms observed).</value>
    public TimeSpan ErrorCloseDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The language of error messages.</summary>
    /// <value>Default <see cref="ErrorLanguage.Korean"/>.</value>
    public ErrorLanguage Language { get; init; } = ErrorLanguage.Korean;

    /// <summary>Requests (subscriptions and LIST_SUBSCRIPTIONS) allowed per connection in any one-second window.</summary>
    /// <value>Default 5.</value>
    public int RequestsPerSecond { get; init; } = 5;

    /// <summary>Requests allowed per connection in any one-minute window.</summary>
    /// <value>Default 100.</value>
    public int RequestsPerMinute { get; init; } = 100;

    /// <summary>What happens to a request over <see cref="RequestsPerSecond"/> or <see cref="RequestsPerMinute"/>.</summary>
    /// <value>Default <see cref="RequestLimitBehavior.ErrorAndClose"/>.</value>
    public RequestLimitBehavior RequestLimit { get; init; } = RequestLimitBehavior.ErrorAndClose;

    /// <summary>New connections allowed per endpoint in any one-second window.</summary>
    /// <value>Default 5.</value>
    public int ConnectsPerSecond { get; init; } = 5;

    /// <summary>What happens to a connection attempt over <see cref="ConnectsPerSecond"/>.</summary>
    /// <value>Default <see cref="ConnectLimitBehavior.Refuse"/> (HTTP 429).</value>
    public ConnectLimitBehavior ConnectLimit { get; init; } = ConnectLimitBehavior.Refuse;

    /// <summary>Whether a subscription request without a format object switches the connection back to
    /// <c>DEFAULT</c> (the real behaviour is not documented). A fresh connection always starts in <c>DEFAULT</c>.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool MissingFormatResetsToDefault { get; init; } = true;

    /// <summary>The most data messages one <c>JSON_LIST</c> / <c>SIMPLE_LIST</c> frame carries. Upbit's batching is not
    /// documented and captures show one per array; a larger value batches what one burst (a snapshot set, a market
    /// tick) produces, to test clients against arrays of several messages.</summary>
    /// <value>Default 1.</value>
    public int ListFormatBatchSize { get; init; } = 1;

    /// <summary>The most frames a <see cref="LoopbackUpbitServer"/> queues for one connection whose client is not
    /// reading (beyond what the socket buffers hold). Past it the connection is dropped without a close frame, as a
    /// real server drops a slow consumer, so a stuck client cannot grow the server's memory without bound.
    /// The in-memory transport delivers synchronously and ignores it.</summary>
    /// <value>Default 10,000.</value>
    public int SendQueueLimit { get; init; } = 10_000;

    /// <summary>REST quotation requests allowed per client and rate-limit group (<c>market</c>, <c>ticker</c>,
    /// <c>orderbook</c>, <c>crix-trades</c>, <c>candles</c>) in any one-second window; over it the answer is 429 with the
    /// plain-text body <c>Too many API requests.</c> Requests carrying an <c>Origin</c> header count in the group
    /// <c>origin</c> instead, one per 10 s, as Upbit documents.</summary>
    /// <value>Default 10.</value>
    public int RestRequestsPerSecond { get; init; } = 10;

    /// <summary>How many 429s within one minute get a client blocked: every REST request is then answered 418 for
    /// <see cref="RestBlockDuration"/>. Upbit documents the block but not its trigger; this is the fake's choice.</summary>
    /// <value>Default 10.</value>
    public int RestBlockAfter { get; init; } = 10;

    /// <summary>How long the first 418 block lasts; each further block of the same client lasts twice as long as the one
    /// before (Upbit: "the block duration increases with repeated offenses"). The 418 answer carries the duration in a
    /// <c>Retry-After</c> header (seconds) and in its error message.</summary>
    /// <value>Default 30 s.</value>
    public TimeSpan RestBlockDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Scheduler time between a REST request's arrival and its answer. In memory with a <c>TestScheduler</c>,
    /// a non-zero latency means the answer arrives only when the test advances the clock; zero answers at once.</summary>
    /// <value>Default <see cref="TimeSpan.Zero"/>.</value>
    public TimeSpan RestLatency { get; init; } = TimeSpan.Zero;

    /// <summary>How many REST requests <see cref="FakeUpbitExchange.RestRequests"/> keeps (the oldest go first).</summary>
    /// <value>Default 10,000.</value>
    public int RestLogLimit { get; init; } = 10_000;

    /// <summary>The most entries each observation log keeps (<see cref="FakeUpbitExchange.Requests"/>,
    /// <see cref="FakeUpbitExchange.Connections"/>, <see cref="FakeUpbitExchange.Upgrades"/>); past it the oldest are
    /// forgotten, so a server that runs for weeks (<c>upbit-rx serve</c>) keeps flat memory. The hot streams
    /// (<see cref="FakeUpbitExchange.RequestReceived"/>, <see cref="FakeUpbitExchange.ConnectionChanged"/>) see everything.</summary>
    /// <value>Default 10,000.</value>
    public int LogLimit { get; init; } = 10_000;

    /// <summary>The simulated markets served to public connections.</summary>
    /// <value>Default <see cref="MarketSimulatorOptions"/> with its own defaults.</value>
    public MarketSimulatorOptions Market { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    internal void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message, "options");
            }
        }

        Require(Scheduler is not null && Market is not null, "Scheduler and Market are required.");
        Require(!string.IsNullOrEmpty(AccessKey) && !string.IsNullOrEmpty(SecretKey), "AccessKey and SecretKey must not be empty.");
        Require(IdleTimeout > TimeSpan.Zero || IdleTimeout == Timeout.InfiniteTimeSpan, "IdleTimeout must be positive or Timeout.InfiniteTimeSpan.");
        Require(StatusInterval > TimeSpan.Zero, "StatusInterval must be positive.");
        Require(ErrorCloseDelay >= TimeSpan.Zero, "ErrorCloseDelay must not be negative.");
        Require(RequestsPerSecond > 0 && RequestsPerMinute > 0 && ConnectsPerSecond > 0, "Limits must be positive.");
        Require(ListFormatBatchSize > 0, "ListFormatBatchSize must be positive.");
        Require(SendQueueLimit > 0, "SendQueueLimit must be positive.");
        Require(RestRequestsPerSecond > 0 && RestBlockAfter > 0 && RestLogLimit > 0, "REST limits must be positive.");
        Require(LogLimit > 0, "LogLimit must be positive.");
        Require(RestBlockDuration > TimeSpan.Zero && RestLatency >= TimeSpan.Zero, "RestBlockDuration must be positive and RestLatency not negative.");
    }

    /// <summary>These settings as the shared protocol engine takes them.</summary>
    internal EngineOptions ToEngineOptions() => new()
    {
        Scheduler = Scheduler,
        ServesPrivate = true,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        RefuseUnauthorizedUpgrade = AuthFailure == AuthFailureBehavior.RefuseUpgrade,
        IdleTimeout = IdleTimeout,
        StatusInterval = StatusInterval,
        AnswerPingWhenSubscribed = AnswerPingWhenSubscribed,
        ErrorCloseDelay = ErrorCloseDelay,
        KoreanErrors = Language == ErrorLanguage.Korean,
        RequestsPerSecond = RequestsPerSecond,
        RequestsPerMinute = RequestsPerMinute,
        EnforceRequestLimits = RequestLimit != RequestLimitBehavior.Unlimited,
        RequestLimitCloses = RequestLimit == RequestLimitBehavior.ErrorAndClose,
        ConnectsPerSecond = ConnectsPerSecond,
        EnforceConnectLimit = ConnectLimit == ConnectLimitBehavior.Refuse,
        MissingFormatResetsToDefault = MissingFormatResetsToDefault,
        ListFormatBatchSize = ListFormatBatchSize,
        SendQueueLimit = SendQueueLimit,
        CloseSlowClients = false,
    };

    private bool PrintMembers(StringBuilder builder)
    {
        // NB: masked like UpbitCredentials: the first four chars identify a key without disclosing it.
        builder.Append("AccessKey = ").Append(AccessKey.Length <= 4 ? "***" : AccessKey[..4] + "***")
            .Append(", SecretKey = ***, IdleTimeout = ").Append(IdleTimeout)
            .Append(", StatusInterval = ").Append(StatusInterval)
            .Append(", Language = ").Append(Language)
            .Append(", RequestsPerSecond = ").Append(RequestsPerSecond)
            .Append(", RequestsPerMinute = ").Append(RequestsPerMinute)
            .Append(", RequestLimit = ").Append(RequestLimit)
            .Append(", ConnectsPerSecond = ").Append(ConnectsPerSecond)
            .Append(", ConnectLimit = ").Append(ConnectLimit);
        return true;
    }
}
