namespace Upbit.Rx.Connection;

/// <summary>
/// Pure backoff maths: no clock, randomness injected. The reconnect supervisor and <c>RetryWithBackoff</c> both
/// ask it how long to wait before retry number <c>attempt</c> (1-based).
/// </summary>
internal static class Backoff
{
    /// <summary>
    /// The delay before retry <paramref name="attempt"/>: <c>min(MaxDelay, InitialDelay × Multiplier^(attempt − 1))</c>,
    /// then jittered: <see cref="BackoffJitter.Full"/> → <c>[0, d)</c>, <see cref="BackoffJitter.Equal"/> →
    /// <c>[d/2, d)</c>, <see cref="BackoffJitter.None"/> → <c>d</c>. Truncated to whole ticks; never negative,
    /// never above <c>MaxDelay</c>, never overflows however large <paramref name="attempt"/> is.
    /// </summary>
    /// <param name="options">The backoff policy.</param>
    /// <param name="attempt">The retry number, starting at 1.</param>
    /// <param name="random">The source of jitter (<see cref="Random.NextDouble"/>); not used when jitter is off.
    /// Callers own its thread safety (<see cref="Random.Shared"/> is safe).</param>
    /// <returns>The delay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is below 1, or an option is invalid.</exception>
    public static TimeSpan Delay(BackoffOptions options, int attempt, Random random)
    {
        Validate(options);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);

        var cap = (double)options.MaxDelay.Ticks;
        var exponential = options.InitialDelay.Ticks * Math.Pow(options.Multiplier, attempt - 1);

        // NB: Pow overflows to +∞ for large attempts; the cap keeps the value finite and inside long range.
        var capped = double.IsFinite(exponential) ? Math.Min(exponential, cap) : cap;
        var jittered = options.Jitter switch
        {
            BackoffJitter.Full => capped * random.NextDouble(),
            BackoffJitter.Equal => (capped / 2) + (capped / 2 * random.NextDouble()),
            _ => capped,
        };
        return TimeSpan.FromTicks((long)Math.Clamp(jittered, 0, cap));
    }

    /// <summary>Whether retry number <paramref name="attempt"/> (1-based) is allowed by <see cref="BackoffOptions.MaxRetryAttempts"/>.</summary>
    /// <param name="options">The backoff policy.</param>
    /// <param name="attempt">The retry number, starting at 1.</param>
    /// <returns><see langword="true"/> if the retry should be made.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is below 1, or an option is invalid.</exception>
    public static bool ShouldRetry(BackoffOptions options, int attempt)
    {
        Validate(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return options.MaxRetryAttempts is not { } max || attempt <= max;
    }

    /// <summary>Checks every option; call it where options enter the library so bad values fail at the call.</summary>
    /// <param name="options">The backoff policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public static void Validate(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InitialDelay < TimeSpan.Zero)
        {
            throw OutOfRange(options, options.InitialDelay, "BackoffOptions.InitialDelay must be zero or positive.");
        }

        if (options.MaxDelay < options.InitialDelay)
        {
            throw OutOfRange(options, options.MaxDelay, $"BackoffOptions.MaxDelay must be at least InitialDelay ({options.InitialDelay}).");
        }

        if (!double.IsFinite(options.Multiplier) || options.Multiplier < 1)
        {
            throw OutOfRange(options, options.Multiplier, "BackoffOptions.Multiplier must be a finite number of at least 1.");
        }

        if (!Enum.IsDefined(options.Jitter))
        {
            throw OutOfRange(options, options.Jitter, "BackoffOptions.Jitter must be None, Full or Equal.");
        }

        if (options.MaxRetryAttempts < 0)
        {
            throw OutOfRange(options, options.MaxRetryAttempts, "BackoffOptions.MaxRetryAttempts must be null (forever) or zero or positive.");
        }
    }

    private static ArgumentOutOfRangeException OutOfRange(BackoffOptions options, object? actual, string message) =>
        new(nameof(options), actual, message);
}
