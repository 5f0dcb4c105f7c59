namespace Upbit.Rx.Operators;

/// <summary>
/// What <see cref="UpbitObservable.ObserveOnBounded{T}"/> does when an item arrives and its queue already
/// holds <c>capacity</c> items. The drop modes mean exactly what the <c>System.Threading.Channels.BoundedChannelFullMode</c>
/// members of the same names mean; <see cref="Fail"/> is this library's own.
/// </summary>
/// <remarks>
/// NB: there is no <c>Wait</c> (the channel mode that blocks the writer until there is room). The writer here is the
/// client's receive loop, shared by every stream of the connection: waiting on one slow consumer would stall all the
/// others and the keep-alive, and a consumer on a UI thread that disposes while the loop waits for it would deadlock.
/// An Rx <c>OnNext</c> cannot wait asynchronously, so the mode cannot be honoured without breaking those laws; the
/// producer never waits under any policy.
/// </remarks>
public enum OverflowPolicy
{
    /// <summary>
    /// Remove the oldest queued item to make room for the arriving one (<c>BoundedChannelFullMode.DropOldest</c>): the
    /// consumer always catches up to the most recent items (a UI grid).
    /// </summary>
    DropOldest = 0,

    /// <summary>
    /// Remove the newest queued item to make room for the arriving one (<c>BoundedChannelFullMode.DropNewest</c>): the
    /// oldest <c>capacity − 1</c> items stay in order and the last slot always holds the latest arrival.
    /// </summary>
    DropNewest = 1,

    /// <summary>
    /// Stop: unsubscribe from the source, deliver the items already queued, then end the sequence with
    /// <see cref="BufferOverflowException"/> (a strategy that must see every item).
    /// </summary>
    Fail = 2,

    /// <summary>
    /// Drop the arriving item and keep the queue as it is (<c>BoundedChannelFullMode.DropWrite</c>): the consumer sees
    /// an unbroken prefix.
    /// </summary>
    DropWrite = 3,
}
