using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Upbit.Rx.Connection;

namespace Upbit.Rx.Operators;

public static partial class UpbitObservable
{
    /// <summary>
    /// Resubscribes to the source after a retryable error, waiting longer after each consecutive failure: the
    /// delay before retry <c>n</c> is <c>min(MaxDelay, InitialDelay × Multiplier^(n − 1))</c> with the jitter of
    /// <paramref name="options"/> (full jitter by default: uniform in <c>[0, d)</c>), the same maths the client
    /// uses for reconnects.
    /// </summary>
    /// <remarks>
    /// <code>
    /// options: InitialDelay 2, Multiplier 2, Jitter None, MaxAttempts 3 (one character per tick)
    /// source (cold):  -#
    /// result:         -#--                    retry 1 after 2
    ///                     -#----              retry 2 after 4
    ///                           -#--------    retry 3 after 8
    ///                                     -#  no retry 4 (MaxAttempts): the error propagates
    /// source (cold):  -1-#
    /// result:         -1-#---1-#---1-#...     always retry 1 after 2: each value resets the counter
    /// </code>
    /// <para>Contract. Cold; each subscriber gets its own retry loop, and each retry subscribes to
    /// <paramref name="source"/> again (use a cold source such as a client stream). Values and completion pass
    /// through unchanged; completion is never retried. The attempt counter counts retries since the last value:
    /// <b>any value resets it</b>, so a stream that recovers and later fails again starts over at
    /// <c>InitialDelay</c>, and <see cref="BackoffOptions.MaxAttempts"/> limits consecutive failed attempts. The
    /// error propagates (unchanged) when <paramref name="shouldRetry"/> returns false or when retry
    /// <c>MaxAttempts + 1</c> would be needed; if <paramref name="shouldRetry"/> throws, its exception propagates.
    /// Waits run on <paramref name="scheduler"/>, so resubscription happens there; values arrive on whatever thread
    /// the source uses. Disposing cancels a pending wait.</para>
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The sequence to retry.</param>
    /// <param name="options">The backoff policy, including <see cref="BackoffOptions.MaxAttempts"/>.</param>
    /// <param name="scheduler">Runs the waits between attempts.</param>
    /// <param name="shouldRetry">Which errors to retry; null retries every error.</param>
    /// <param name="random">The source of jitter; null uses <see cref="Random.Shared"/>. Pass a seeded instance to
    /// make delays reproducible; the operator does not lock it, so do not share one instance between subscriptions
    /// that may fail concurrently.</param>
    /// <returns>The retried sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="options"/> or
    /// <paramref name="scheduler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public static IObservable<T> RetryWithBackoff<T>(
        this IObservable<T> source,
        BackoffOptions options,
        IScheduler scheduler,
        Func<Exception, bool>? shouldRetry = null,
        Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        Backoff.Validate(options);
        var retryable = shouldRetry ?? (static _ => true);
        var jitter = random ?? Random.Shared;
        return Observable.Create<T>(observer => new RetryWithBackoffSink<T>(source, observer, options, scheduler, retryable, jitter).Run());
    }
}
