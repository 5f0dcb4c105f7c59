using System.Reactive.Concurrency;

namespace Upbit.Rx.Server;

/// <summary>
/// The engine's settings, filled in by its host (the fake exchange from its options, the gateway from its own). Every
/// member is required: each host states its defaults once, in its public options.
/// </summary>
internal sealed record EngineOptions
{
    /// <summary>Drives every timer, delivery and log timestamp.</summary>
    public required IScheduler Scheduler { get; init; }

    /// <summary>Whether the private endpoint is served; when not, its connections get <see cref="ErrorCatalog.PrivateRefused"/>.</summary>
    public required bool ServesPrivate { get; init; }

    /// <summary>The access key private tokens must carry (unused when <see cref="ServesPrivate"/> is false).</summary>
    public required string AccessKey { get; init; }

    /// <summary>The secret private tokens are signed with (unused when <see cref="ServesPrivate"/> is false).</summary>
    public required string SecretKey { get; init; }

    /// <summary>A bad token refuses the upgrade with 401 instead of an <c>INVALID_AUTH</c> error frame.</summary>
    public required bool RefuseUnauthorizedUpgrade { get; init; }

    /// <summary>Silence in both directions after which a connection is dropped; infinite to never drop.</summary>
    public required TimeSpan IdleTimeout { get; init; }

    /// <summary>The period of <c>{"status":"UP"}</c> after a <c>PING</c>.</summary>
    public required TimeSpan StatusInterval { get; init; }

    /// <summary>Whether a <c>PING</c> is answered on a connection that has subscriptions.</summary>
    public required bool AnswerPingWhenSubscribed { get; init; }

    /// <summary>How long after an error frame the connection is closed.</summary>
    public required TimeSpan ErrorCloseDelay { get; init; }

    /// <summary>Error texts in Korean (the Korean host) rather than English.</summary>
    public required bool KoreanErrors { get; init; }

    /// <summary>Requests allowed per connection in any one-second window.</summary>
    public required int RequestsPerSecond { get; init; }

    /// <summary>Requests allowed per connection in any one-minute window.</summary>
    public required int RequestsPerMinute { get; init; }

    /// <summary>Whether the request limits are enforced at all.</summary>
    public required bool EnforceRequestLimits { get; init; }

    /// <summary>Over the limit: an error frame and close (true) or a silently ignored request (false).</summary>
    public required bool RequestLimitCloses { get; init; }

    /// <summary>Upgrades allowed per endpoint in any one-second window.</summary>
    public required int ConnectsPerSecond { get; init; }

    /// <summary>Whether the connect limit is enforced.</summary>
    public required bool EnforceConnectLimit { get; init; }

    /// <summary>A request without <c>format</c> resets the connection's format to DEFAULT.</summary>
    public required bool MissingFormatResetsToDefault { get; init; }

    /// <summary>Most messages per array under the list formats (1: one message per frame).</summary>
    public required int ListFormatBatchSize { get; init; }

    /// <summary>Most frames a socket host queues for one connection whose client is not reading.</summary>
    public required int SendQueueLimit { get; init; }

    /// <summary>On send-queue overflow: close with 1008 and a reason (true) or drop without a close frame (false).</summary>
    public required bool CloseSlowClients { get; init; }
}
