using System.Net;

namespace Upbit.Rx;

/// <summary>
/// Upbit answered 418: this IP is blocked for a while after exceeding the limits. The client never retries it; until
/// <see cref="BlockedUntil"/> every call of the same client fails at once with this exception, without sending.
/// </summary>
public sealed class UpbitRestBlockedException : UpbitException
{
    /// <summary>Creates the exception for a block reported by <paramref name="endpoint"/>.</summary>
    public UpbitRestBlockedException(string endpoint, TimeSpan? blockedFor, DateTimeOffset blockedUntil)
        : base(UpbitClientCondition.Blocked, $"{endpoint} answered 418: this IP is blocked" + (blockedFor is { } d ? $" for {d.TotalSeconds:0.###} s" : " (no duration given)") + $"; calls fail until {blockedUntil:u}.")
    {
        BlockedFor = blockedFor;
        BlockedUntil = blockedUntil;
        StatusCode = (HttpStatusCode)418;
        IsTransient = true;
    }

    /// <summary>The block duration Upbit stated (its <c>Retry-After</c>); <see langword="null"/> when it gave none.</summary>
    public TimeSpan? BlockedFor { get; }

    /// <summary>Until when, on the client's scheduler clock, calls fail without sending.</summary>
    public DateTimeOffset BlockedUntil { get; }
}
