namespace Upbit.Rx.Streams;

/// <summary>Turns wire timestamps (Unix milliseconds) into <see cref="DateTimeOffset"/> values without ever throwing.</summary>
internal static class UnixMilliseconds
{
    private static readonly long Min = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long Max = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>
    /// The UTC instant of <paramref name="milliseconds"/>. NB: clamps values outside the range
    /// <see cref="DateTimeOffset"/> can hold, because record getters (and so ToString) must never throw on a wild
    /// server value; the raw <see cref="long"/> stays on the record.
    /// </summary>
    public static DateTimeOffset ToTime(long milliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(milliseconds, Min, Max));
}
