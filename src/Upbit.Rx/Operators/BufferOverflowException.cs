using System.Globalization;

namespace Upbit.Rx.Operators;

/// <summary>
/// The error that ends a sequence handed off with <see cref="OverflowPolicy.Fail"/> when the consumer fell
/// <see cref="Capacity"/> items behind. Items queued before the overflow were all delivered; the item that did
/// not fit and everything after it were not.
/// </summary>
public sealed class BufferOverflowException : Exception
{
    /// <summary>Creates the exception for a queue of the given capacity.</summary>
    /// <param name="capacity">The queue capacity that was exceeded.</param>
    public BufferOverflowException(int capacity)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "The consumer fell behind: the hand-off queue already held its capacity of {0} items when another arrived (OverflowPolicy.Fail).",
            capacity))
    {
        Capacity = capacity;
    }

    /// <summary>The capacity of the queue that overflowed.</summary>
    public int Capacity { get; }
}
