using System.Globalization;

namespace Microsoft.Reactive.Testing;

/// <summary>
/// The virtual times at which an observer subscribed to and unsubscribed from a testable observable.
/// An unsubscribe time of <see cref="long.MaxValue"/> means the subscription was never disposed.
/// </summary>
[Serializable]
public readonly struct Subscription : IEquatable<Subscription>
{
    private const long Infinite = long.MaxValue;

    /// <summary>Creates a subscription that started at <paramref name="subscribe"/> and was never disposed.</summary>
    /// <param name="subscribe">The subscription time in ticks.</param>
    public Subscription(long subscribe)
        : this(subscribe, Infinite)
    {
    }

    /// <summary>Creates a subscription that started at <paramref name="subscribe"/> and ended at <paramref name="unsubscribe"/>.</summary>
    /// <param name="subscribe">The subscription time in ticks.</param>
    /// <param name="unsubscribe">The disposal time in ticks; <see cref="long.MaxValue"/> for never.</param>
    public Subscription(long subscribe, long unsubscribe)
    {
        Subscribe = subscribe;
        Unsubscribe = unsubscribe;
    }

    /// <summary>Gets the virtual time, in ticks, at which the observer subscribed.</summary>
    public long Subscribe { get; }

    /// <summary>Gets the virtual time, in ticks, at which the subscription was disposed; <see cref="long.MaxValue"/> if never.</summary>
    public long Unsubscribe { get; }

    /// <summary>Two subscriptions are equal when both times are equal.</summary>
    /// <param name="other">The subscription to compare with.</param>
    /// <returns>Whether both times are equal.</returns>
    public bool Equals(Subscription other) => Subscribe == other.Subscribe && Unsubscribe == other.Unsubscribe;

    /// <summary>Compares two subscriptions by their times.</summary>
    /// <param name="left">The first subscription.</param>
    /// <param name="right">The second subscription.</param>
    /// <returns>Whether the subscriptions are equal.</returns>
    public static bool operator ==(Subscription left, Subscription right) => left.Equals(right);

    /// <summary>Compares two subscriptions by their times.</summary>
    /// <param name="left">The first subscription.</param>
    /// <param name="right">The second subscription.</param>
    /// <returns>Whether the subscriptions differ.</returns>
    public static bool operator !=(Subscription left, Subscription right) => !left.Equals(right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Subscription other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Subscribe, Unsubscribe);

    /// <summary>Formats the subscription as <c>(200, 1000)</c> or <c>(200, Infinite)</c>.</summary>
    /// <returns>The formatted subscription.</returns>
    public override string ToString() => Unsubscribe == Infinite
        ? string.Format(CultureInfo.CurrentCulture, "({0}, Infinite)", Subscribe)
        : string.Format(CultureInfo.CurrentCulture, "({0}, {1})", Subscribe, Unsubscribe);
}
