using System.Reactive;

namespace Microsoft.Reactive.Testing;

/// <summary>An observable that plays scripted notifications and logs every subscription made to it.</summary>
/// <typeparam name="T">The element type.</typeparam>
public interface ITestableObservable<T> : IObservable<T>
{
    /// <summary>Gets the subscriptions made so far, with their subscribe and unsubscribe times.</summary>
    IList<Subscription> Subscriptions { get; }

    /// <summary>Gets the scripted notifications (absolute times for hot, relative to subscription for cold).</summary>
    IList<Recorded<Notification<T>>> Messages { get; }
}
