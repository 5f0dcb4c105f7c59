namespace Upbit.Rx.Operators;

/// <summary>
/// What <see cref="UpbitObservable.ObserveOnBounded{T}"/> does when an item arrives and its queue already
/// holds <c>capacity</c> items. The producer never waits in any case.
/// </summary>
public enum OverflowPolicy
{
    /// <summary>
    /// Discard the oldest queued item to make room for the arriving one: the consumer always catches up to
    /// the most recent items (a UI grid).
    /// </summary>
    DropOldest = 0,

    /// <summary>
    /// Discard the arriving item and keep the queue as it is: the consumer sees an unbroken prefix.
    /// NB: unlike <c>BoundedChannelFullMode.DropNewest</c>, which evicts the newest <em>queued</em> item,
    /// this drops the item being written (<c>BoundedChannelFullMode.DropWrite</c>).
    /// </summary>
    DropNewest,

    /// <summary>
    /// Stop: unsubscribe from the source, deliver the items already queued, then end the sequence with
    /// <see cref="BufferOverflowException"/> (a strategy that must see every item).
    /// </summary>
    Fail,
}
