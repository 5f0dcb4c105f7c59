using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Upbit.Rx.Connection;

namespace Upbit.Rx.Operators;

public static partial class UpbitObservable
{
    /// <summary>
    /// Resubscribes to the source after an error <see cref="RetryOptions.ShouldHandle"/> accepts, waiting longer
    /// after each consecutive failure: the delay before retry <c>n</c> is
    /// <c>min(MaxDelay, InitialDelay × Multiplier^(n − 1))</c> with the jitter of <see cref="RetryOptions.Backoff"/>
    /// (full jitter by default: uniform in <c>[0, d)</c>), the same maths the client uses for reconnects.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Backoff: InitialDelay 2, Multiplier 2, Jitter None, MaxRetryAttempts 3 (one character per tick)
    /// source (cold):  -#
    /// result:         -#--                    OnRetry(1, 2) then retry 1 after 2
    ///                     -#----              OnRetry(2, 4) then retry 2 after 4
    ///                           -#--------    OnRetry(3, 8) then retry 3 after 8
    ///                                     -#  no retry 4 (MaxRetryAttempts): the error propagates
    /// source (cold):  -1-#
    /// result:         -1-#---1-#---1-#...     always retry 1 after 2: each value resets the counter
    /// </code>
    /// <para>Contract. Cold; each subscriber gets its own retry loop, and each retry subscribes to
    /// <paramref name="source"/> again (use a cold source such as a client stream). Values and completion pass
    /// through unchanged; completion is never retried. The attempt counter counts retries since the last value:
    /// <b>any value resets it</b>, so a stream that recovers and later fails again starts over at
    /// <c>InitialDelay</c>, and <see cref="BackoffOptions.MaxRetryAttempts"/> limits consecutive retries. The error
    /// propagates (unchanged) when <see cref="RetryOptions.ShouldHandle"/> returns false or when retry
    /// <c>MaxRetryAttempts + 1</c> would be needed. <see cref="RetryOptions.ShouldHandle"/> and
    /// <see cref="RetryOptions.OnRetry"/> run on the thread that delivered the error, never under a lock; if
    /// <c>ShouldHandle</c> throws, its exception ends the sequence; if <c>OnRetry</c> throws, the sequence ends with
    /// an <see cref="AggregateException"/> of its exception and the source's error. Waits run on
    /// <paramref name="scheduler"/>, so resubscription happens there; values arrive on whatever thread the source
    /// uses. Disposing cancels a pending wait.</para>
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The sequence to retry.</param>
    /// <param name="options">The retry policy.</param>
    /// <param name="scheduler">Runs the waits between attempts.</param>
    /// <param name="random">The source of jitter; null uses <see cref="Random.Shared"/>. Pass a seeded instance to
    /// make delays reproducible; the operator does not lock it, so do not share one instance between subscriptions
    /// that may fail concurrently.</param>
    /// <returns>The retried sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="options"/>,
    /// <see cref="RetryOptions.Backoff"/>, <see cref="RetryOptions.ShouldHandle"/> or <paramref name="scheduler"/>
    /// is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A backoff option is out of range (the message names it).</exception>
    public static IObservable<T> RetryWithBackoff<T>(this IObservable<T> source, RetryOptions options, IScheduler scheduler, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        Backoff.Validate(options.Backoff);
        if (options.ShouldHandle is null)
        {
            throw new ArgumentNullException(nameof(options), "RetryOptions.ShouldHandle must not be null.");
        }

        var jitter = random ?? Random.Shared;
        return Observable.Create<T>(observer => new RetryWithBackoffSink<T>(source, observer, options, scheduler, jitter).Run());
    }

    /// <summary>
    /// <see cref="RetryWithBackoff{T}(IObservable{T}, RetryOptions, IScheduler, Random?)"/> with its waits on
    /// <see cref="System.Reactive.Concurrency.DefaultScheduler"/> (the thread pool) and jitter from
    /// <see cref="Random.Shared"/>.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The sequence to retry.</param>
    /// <param name="options">The retry policy.</param>
    /// <returns>The retried sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="options"/>,
    /// <see cref="RetryOptions.Backoff"/> or <see cref="RetryOptions.ShouldHandle"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A backoff option is out of range (the message names it).</exception>
    public static IObservable<T> RetryWithBackoff<T>(this IObservable<T> source, RetryOptions options) =>
        RetryWithBackoff(source, options, DefaultDelivery);
}
