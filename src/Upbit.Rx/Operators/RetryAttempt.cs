namespace Upbit.Rx.Operators;

/// <summary>What <see cref="RetryOptions.OnRetry"/> is told before a retry's wait starts.</summary>
/// <param name="AttemptNumber">The retry number since the last value, starting at 1 (the first retry).</param>
/// <param name="Delay">The wait before the source is subscribed again, jitter included.</param>
/// <param name="Exception">The error that caused the retry.</param>
public readonly record struct RetryAttempt(int AttemptNumber, TimeSpan Delay, Exception Exception);
