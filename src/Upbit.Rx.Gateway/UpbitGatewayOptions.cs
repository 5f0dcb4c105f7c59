using System.Net;
using System.Reactive.Concurrency;
using System.Text;

namespace Upbit.Rx.Gateway;

/// <summary>Settings of an <see cref="UpbitGateway"/>. Downstream connections get Upbit's own limits by default, so a
/// client that works against the gateway works against Upbit.</summary>
public sealed record UpbitGatewayOptions
{
    /// <summary>Drives the gateway's timers, keep-alives and its fan-out of upstream messages.</summary>
    /// <value>Default <see cref="DefaultScheduler.Instance"/>; use the upstream client's scheduler.</value>
    public IScheduler Scheduler { get; init; } = DefaultScheduler.Instance;

    /// <summary>The address <see cref="UpbitGateway.StartAsync"/> binds.</summary>
    /// <value>Default <see cref="IPAddress.Loopback"/> (127.0.0.1). Any other address needs
    /// <see cref="AllowNonLoopback"/>.</value>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 picks a free one.</summary>
    /// <value>Default 0.</value>
    public int Port { get; init; }

    /// <summary>Whether <see cref="BindAddress"/> may be other than a loopback address: the gateway then serves anyone
    /// who can reach the port, so set <see cref="AccessToken"/> too.</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool AllowNonLoopback { get; init; }

    /// <summary>A shared token every downstream request must carry, as <c>Authorization: Bearer &lt;token&gt;</c> or the
    /// query parameter <c>token</c>; others get HTTP 401. Compared in constant time and never logged.</summary>
    /// <value>Default <see langword="null"/> (no token).</value>
    public string? AccessToken { get; init; }

    /// <summary>The most frames queued for one downstream socket that is not reading. On overflow the gateway closes it
    /// with 1008 and the reason <c>send queue overflow: client too slow, dropped</c>, counts it in
    /// <see cref="UpbitGatewayStatus.SlowClientsDropped"/>, and the others and the upstream go on.</summary>
    /// <value>Default 4,096.</value>
    public int SendQueueLimit { get; init; } = 4_096;

    /// <summary>Requests one downstream connection may send in any one-second window; over it the connection gets
    /// Upbit's <c>TOO_MANY_REQUESTS</c> error frame and is closed, as on Upbit.</summary>
    /// <value>Default 5 (Upbit's limit).</value>
    public int RequestsPerSecond { get; init; } = 5;

    /// <summary>Requests one downstream connection may send in any one-minute window.</summary>
    /// <value>Default 100 (Upbit's limit).</value>
    public int RequestsPerMinute { get; init; } = 100;

    /// <summary>Silence in both directions after which a downstream connection is dropped.</summary>
    /// <value>Default 120 s (Upbit's documented idle timeout).</value>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Whether error frames carry the Korean texts of <c>api.upbit.com</c> (otherwise the English ones of the
    /// regional hosts).</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool KoreanErrors { get; init; } = true;

    /// <summary>Where the REST quotation proxy forwards <c>/v1/…</c> requests: the upstream's REST base address.</summary>
    /// <value>Default <c>https://api.upbit.com/</c>.</value>
    public Uri RestUpstream { get; init; } = new("https://api.upbit.com/");

    /// <summary>REST requests the proxy sends upstream per rate-limit group (<c>market</c>, <c>ticker</c>,
    /// <c>orderbook</c>, <c>trades</c>, <c>candles</c>) in any one-second window, shared by all downstream clients;
    /// requests over it wait their turn.</summary>
    /// <value>Default 8 (Upbit allows 10 per second per IP; the margin absorbs clock skew).</value>
    public int RestRequestsPerSecond { get; init; } = 8;

    /// <summary>How long a REST quotation answer is served from the gateway's cache to every client.</summary>
    /// <value>Default 1 s.</value>
    public TimeSpan RestCacheDuration { get; init; } = TimeSpan.FromSeconds(1);

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

        Require(Scheduler is not null && BindAddress is not null, "Scheduler and BindAddress are required.");
        Require(AllowNonLoopback || IPAddress.IsLoopback(BindAddress!), $"Binding {BindAddress} serves other hosts: set AllowNonLoopback (and an AccessToken) to mean it.");
        Require(Port is >= 0 and <= 65535, "Port must be 0 to 65535.");
        Require(AccessToken is null || AccessToken.Length > 0, "AccessToken must not be empty (null for none).");
        Require(SendQueueLimit > 0 && RequestsPerSecond > 0 && RequestsPerMinute > 0, "Limits must be positive.");
        Require(IdleTimeout > TimeSpan.Zero || IdleTimeout == Timeout.InfiniteTimeSpan, "IdleTimeout must be positive or Timeout.InfiniteTimeSpan.");
        Require(RestUpstream is { IsAbsoluteUri: true } && RestRequestsPerSecond > 0, "RestUpstream must be an absolute URI and RestRequestsPerSecond positive.");
        Require(RestCacheDuration >= TimeSpan.Zero, "RestCacheDuration must not be negative.");
    }

    private bool PrintMembers(StringBuilder builder)
    {
        // NB: the shared token is a secret: never in ToString or logs.
        builder.Append("BindAddress = ").Append(BindAddress)
            .Append(", Port = ").Append(Port)
            .Append(", AllowNonLoopback = ").Append(AllowNonLoopback)
            .Append(", AccessToken = ").Append(AccessToken is null ? "(none)" : "***")
            .Append(", SendQueueLimit = ").Append(SendQueueLimit)
            .Append(", RequestsPerSecond = ").Append(RequestsPerSecond)
            .Append(", RequestsPerMinute = ").Append(RequestsPerMinute)
            .Append(", IdleTimeout = ").Append(IdleTimeout);
        return true;
    }
}
