using System.Reactive;

namespace Microsoft.Reactive.Testing;

/// <summary>
/// Base class (or static helper) for marble-style tests: the default <c>Start</c> times and factories for expected
/// notifications and subscriptions.
/// </summary>
public class ReactiveTest
{
    /// <summary>The default virtual time at which <c>TestScheduler.Start</c> creates the observable: 100.</summary>
    public const long Created = 100;

    /// <summary>The default virtual time at which <c>TestScheduler.Start</c> subscribes: 200.</summary>
    public const long Subscribed = 200;

    /// <summary>The default virtual time at which <c>TestScheduler.Start</c> disposes the subscription: 1000.</summary>
    public const long Disposed = 1000;

    /// <summary>An OnNext of <paramref name="value"/> at <paramref name="ticks"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="ticks">The virtual time.</param>
    /// <param name="value">The value.</param>
    /// <returns>The recorded notification.</returns>
    public static Recorded<Notification<T>> OnNext<T>(long ticks, T value) => new(ticks, Notification.CreateOnNext(value));

    /// <summary>
    /// An expected OnNext at <paramref name="ticks"/> that matches any value satisfying <paramref name="predicate"/>.
    /// Compare with <c>expected.Equals(actual)</c> (as <see cref="ReactiveAssert"/> does); it cannot be played.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="ticks">The virtual time.</param>
    /// <param name="predicate">The condition on the value.</param>
    /// <returns>The recorded expectation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static Recorded<Notification<T>> OnNext<T>(long ticks, Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(ticks, new OnNextPredicate<T>(predicate));
    }

    /// <summary>An OnCompleted at <paramref name="ticks"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="ticks">The virtual time.</param>
    /// <returns>The recorded notification.</returns>
    public static Recorded<Notification<T>> OnCompleted<T>(long ticks) => new(ticks, Notification.CreateOnCompleted<T>());

    /// <summary>An OnCompleted at <paramref name="ticks"/>; <paramref name="witness"/> only lets the compiler infer <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="ticks">The virtual time.</param>
    /// <param name="witness">Ignored.</param>
    /// <returns>The recorded notification.</returns>
    public static Recorded<Notification<T>> OnCompleted<T>(long ticks, T witness) => OnCompleted<T>(ticks);

    /// <summary>An OnError of <paramref name="exception"/> at <paramref name="ticks"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="ticks">The virtual time.</param>
    /// <param name="exception">The error.</param>
    /// <returns>The recorded notification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static Recorded<Notification<T>> OnError<T>(long ticks, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(ticks, Notification.CreateOnError<T>(exception));
    }

    /// <summary>An expected OnError at <paramref name="ticks"/> that matches any exception satisfying <paramref name="predicate"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="ticks">The virtual time.</param>
    /// <param name="predicate">The condition on the exception.</param>
    /// <returns>The recorded expectation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static Recorded<Notification<T>> OnError<T>(long ticks, Func<Exception, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(ticks, new OnErrorPredicate<T>(predicate));
    }

    /// <summary>An OnError at <paramref name="ticks"/>; <paramref name="witness"/> only lets the compiler infer <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="ticks">The virtual time.</param>
    /// <param name="exception">The error.</param>
    /// <param name="witness">Ignored.</param>
    /// <returns>The recorded notification.</returns>
    public static Recorded<Notification<T>> OnError<T>(long ticks, Exception exception, T witness) => OnError<T>(ticks, exception);

    /// <summary>An expected OnError matched by predicate; <paramref name="witness"/> only lets the compiler infer <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="ticks">The virtual time.</param>
    /// <param name="predicate">The condition on the exception.</param>
    /// <param name="witness">Ignored.</param>
    /// <returns>The recorded expectation.</returns>
    public static Recorded<Notification<T>> OnError<T>(long ticks, Func<Exception, bool> predicate, T witness) => OnError<T>(ticks, predicate);

    /// <summary>A subscription from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="start">The subscribe time.</param>
    /// <param name="end">The unsubscribe time.</param>
    /// <returns>The subscription.</returns>
    public static Subscription Subscribe(long start, long end) => new(start, end);

    /// <summary>A subscription from <paramref name="start"/> that was never disposed.</summary>
    /// <param name="start">The subscribe time.</param>
    /// <returns>The subscription.</returns>
    public static Subscription Subscribe(long start) => new(start);
}
