namespace Upbit.Rx;

/// <summary>
/// How long to wait before each retry: <c>InitialDelay × Multiplier^(attempt − 1)</c>, capped at
/// <see cref="MaxDelay"/>, then randomised by <see cref="Jitter"/>. Used for reconnects and by
/// <c>RetryWithBackoff</c>. Values are checked when first used; an invalid value throws
/// <see cref="ArgumentOutOfRangeException"/> naming the property.
/// </summary>
public sealed record BackoffOptions
{
    /// <summary>Gets the delay before the first retry, before jitter.</summary>
    /// <value>Default 1 second. Must be zero or positive and not above <see cref="MaxDelay"/>.</value>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the cap on the delay, before jitter.</summary>
    /// <value>Default 60 seconds. Must be at least <see cref="InitialDelay"/>.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the factor by which the delay grows with each further attempt.</summary>
    /// <value>Default 2. Must be a finite number of at least 1 (1 gives a constant delay).</value>
    public double Multiplier { get; init; } = 2;

    /// <summary>Gets how the delay is randomised.</summary>
    /// <value>Default <see cref="BackoffJitter.Full"/>.</value>
    public BackoffJitter Jitter { get; init; } = BackoffJitter.Full;

    /// <summary>
    /// Gets the most retries in a row before giving up; <see langword="null"/> retries forever. It counts retries,
    /// not attempts (as Polly's <c>MaxRetryAttempts</c> does): 3 allows the first try plus 3 retries.
    /// </summary>
    /// <value>Default <see langword="null"/> (forever). Must be zero or positive; zero means never retry.</value>
    public int? MaxRetryAttempts { get; init; }
}
