using System.Globalization;

namespace Microsoft.Reactive.Testing;

/// <summary>A value stamped with the virtual time at which it was produced or is to be produced.</summary>
/// <typeparam name="T">The type of the recorded value (usually a <see cref="System.Reactive.Notification{T}"/>).</typeparam>
[Serializable]
public readonly struct Recorded<T> : IEquatable<Recorded<T>>
{
    /// <summary>Creates a record of <paramref name="value"/> at virtual time <paramref name="time"/>.</summary>
    /// <param name="time">The virtual time in ticks.</param>
    /// <param name="value">The recorded value.</param>
    public Recorded(long time, T value)
    {
        Time = time;
        Value = value;
    }

    /// <summary>Gets the virtual time, in ticks, at which the value was produced.</summary>
    public long Time { get; }

    /// <summary>Gets the recorded value.</summary>
    public T Value { get; }

    /// <summary>Two records are equal when their times are equal and their values are equal by <see cref="EqualityComparer{T}.Default"/>.</summary>
    /// <param name="other">The record to compare with.</param>
    /// <returns>Whether both time and value are equal.</returns>
    public bool Equals(Recorded<T> other) => Time == other.Time && EqualityComparer<T>.Default.Equals(Value, other.Value);

    /// <summary>Compares two records by time and value.</summary>
    /// <param name="left">The first record.</param>
    /// <param name="right">The second record.</param>
    /// <returns>Whether the records are equal.</returns>
    public static bool operator ==(Recorded<T> left, Recorded<T> right) => left.Equals(right);

    /// <summary>Compares two records by time and value.</summary>
    /// <param name="left">The first record.</param>
    /// <param name="right">The second record.</param>
    /// <returns>Whether the records differ.</returns>
    public static bool operator !=(Recorded<T> left, Recorded<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Recorded<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Time, Value is null ? 0 : EqualityComparer<T>.Default.GetHashCode(Value));

    /// <summary>Formats the record as <c>value@time</c>, for example <c>OnNext(42)@210</c>.</summary>
    /// <returns>The formatted record.</returns>
    public override string ToString() => string.Format(CultureInfo.CurrentCulture, "{0}@{1}", Value, Time);
}
