namespace Upbit.Rx.Operators;

/// <summary>
/// The state of one key inside an open throttle interval: the latest held value, if any, and the timer that
/// closes the interval. Guarded by the owning <see cref="ThrottleSink{T, TKey}"/>'s gate.
/// </summary>
internal sealed class ThrottleSlot<T>
{
    public bool HasHeld { get; private set; }

    public T? Held { get; private set; }

    /// <summary>Arrival order of <see cref="Held"/> across all keys; orders the flush on completion.</summary>
    public long HeldSequence { get; private set; }

    public IDisposable? Timer { get; set; }

    public void Hold(T value, long sequence)
    {
        Held = value;
        HasHeld = true;
        HeldSequence = sequence;
    }

    public T Take()
    {
        var value = Held!;
        Held = default;
        HasHeld = false;
        return value;
    }
}
