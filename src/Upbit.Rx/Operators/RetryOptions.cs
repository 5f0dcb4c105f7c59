namespace Upbit.Rx.Operators;

/// <summary>
/// The policy of <see cref="UpbitObservable.RetryWithBackoff{T}(IObservable{T}, RetryOptions, System.Reactive.Concurrency.IScheduler, Random?)"/>,
/// named as in Polly's retry strategy: how long to wait (<see cref="Backoff"/>, including
/// <see cref="BackoffOptions.MaxRetryAttempts"/>), which errors to retry (<see cref="ShouldHandle"/>) and whom to tell
/// before each retry (<see cref="OnRetry"/>). Values are checked at the operator call; an invalid one throws
/// <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentNullException"/> naming it.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>Gets the delays between retries and the most retries in a row.</summary>
    /// <value>Default <c>new BackoffOptions()</c>: 1 s doubling to 60 s with full jitter, retrying forever.</value>
    public BackoffOptions Backoff { get; init; } = new();

    /// <summary>
    /// Gets which errors are retried: <see langword="true"/> retries, <see langword="false"/> lets the error end the
    /// sequence unchanged. It runs on the thread that delivered the error, never under a lock of the library. If it
    /// throws, its exception ends the sequence instead (as a throwing selector does in Rx).
    /// </summary>
    /// <value>Default: every error is retried (<c>static _ => true</c>).</value>
    public Func<Exception, bool> ShouldHandle { get; init; } = static _ => true;

    /// <summary>
    /// Gets the callback told about each retry before its wait starts: the attempt number (1 for the first retry
    /// since the last value), the delay about to be waited and the error that caused it. It runs on the thread that
    /// delivered the error, never under a lock of the library; keep it quick (it holds up that thread).
    /// </summary>
    /// <remarks>
    /// A throwing <see cref="OnRetry"/> is neither swallowed nor allowed to stall the loop: the retry it announced is
    /// not made and the sequence ends with an <see cref="AggregateException"/> whose inner exceptions are the
    /// callback's exception and then the source's error, so neither is lost. A logging hook that may fail and must
    /// not stop the retries should catch inside itself.
    /// </remarks>
    /// <value>Default <see langword="null"/> (nobody is told).</value>
    public Action<RetryAttempt>? OnRetry { get; init; }
}
