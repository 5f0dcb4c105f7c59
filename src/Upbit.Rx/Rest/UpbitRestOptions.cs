using System.Reactive.Concurrency;

namespace Upbit.Rx;

/// <summary>Settings of an <see cref="UpbitRestClient"/>. Every default suits the real service; each is stated once, in its <c>value</c> documentation.</summary>
public sealed record UpbitRestOptions
{
    /// <summary>The host the REST calls go to (paths such as <c>/v1/ticker</c> are appended).</summary>
    /// <value>Default <see langword="null"/>: the given <see cref="HttpClient.BaseAddress"/> when it has one, otherwise <c>https://api.upbit.com</c>.</value>
    public Uri? BaseAddress { get; init; }

    /// <summary>The scheduler pacing waits and retry delays run on; pass a TestScheduler to run them in virtual time.</summary>
    /// <value>Default <see cref="DefaultScheduler.Instance"/>.</value>
    public IScheduler Scheduler { get; init; } = DefaultScheduler.Instance;

    /// <summary>Requests sent per rate-limit group (market, ticker, orderbook, trades, candles) in any one-second window (Upbit: 10 per IP).</summary>
    /// <value>Default 10.</value>
    public int MaxRequestsPerSecond { get; init; } = 10;

    /// <summary>Added to the one-second window when pacing, because Upbit counts requests when they arrive.</summary>
    /// <value>Default 100 milliseconds.</value>
    public TimeSpan RateLimitMargin { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many times a request answered with 429 (too many requests) is sent again before the call fails.</summary>
    /// <value>Default 3.</value>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The pause before the first retry after a 429 without a <c>Retry-After</c> header; it doubles with each retry.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long every call fails fast after a 418 (blocked) that states no duration, so the block is not extended by a storm of requests.</summary>
    /// <value>Default 60 seconds.</value>
    public TimeSpan BlockedPause { get; init; } = TimeSpan.FromSeconds(60);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Scheduler);
        if (BaseAddress is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("UpbitRestOptions.BaseAddress must be an absolute http(s) URI.", nameof(BaseAddress));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestsPerSecond, 1, nameof(MaxRequestsPerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThan(RateLimitMargin, TimeSpan.Zero, nameof(RateLimitMargin));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetries, 0, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockedPause, TimeSpan.Zero, nameof(BlockedPause));
    }
}
