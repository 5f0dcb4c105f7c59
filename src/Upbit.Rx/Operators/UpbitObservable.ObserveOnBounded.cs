using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace Upbit.Rx.Operators;

public static partial class UpbitObservable
{
    /// <summary>
    /// Hands the sequence off to <paramref name="scheduler"/> through a queue of at most
    /// <paramref name="capacity"/> items. The source (the receive loop) never waits: when the queue is full,
    /// <paramref name="policy"/> decides what is lost, and <paramref name="itemDropped"/> hears about every item
    /// dropped.
    /// </summary>
    /// <remarks>
    /// <code>
    /// capacity 2; one column per tick; the consumer is stalled until tick 10; (…) = same tick
    /// source:      -1-2-3-4-|
    /// DropOldest:  ----------(34|)   itemDropped(1), itemDropped(2)   (the oldest queued item leaves)
    /// DropNewest:  ----------(14|)   itemDropped(2), itemDropped(3)   (the newest queued item leaves)
    /// DropWrite:   ----------(12|)   itemDropped(3), itemDropped(4)   (the arriving item is dropped)
    /// Fail:        ----------(12#)   # = BufferOverflowException { Capacity = 2 }; source unsubscribed at tick 5
    /// </code>
    /// <para>Contract. Cold; one source subscription per subscriber. Items, completion and errors are delivered on
    /// <paramref name="scheduler"/> in source order, one at a time; completion and errors come after the items
    /// queued before them. At most <paramref name="capacity"/> items are held. One scheduled run delivers at most
    /// <paramref name="capacity"/> items before yielding the scheduler. With <see cref="OverflowPolicy.Fail"/> the
    /// source is unsubscribed at the overflow, the queued items are delivered, then
    /// <see cref="BufferOverflowException"/>. Disposing discards the queue.</para>
    /// <para>Counting drops: <paramref name="itemDropped"/> runs synchronously on the source's thread (outside the
    /// queue's lock) for each item discarded by <see cref="OverflowPolicy.DropOldest"/>,
    /// <see cref="OverflowPolicy.DropNewest"/> or <see cref="OverflowPolicy.DropWrite"/>; keep it quick, for example
    /// <c>_ => Interlocked.Increment(ref dropped)</c>. It is not called for <see cref="OverflowPolicy.Fail"/>.</para>
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The source sequence.</param>
    /// <param name="scheduler">Where the consumer runs (for example a UI dispatcher scheduler).</param>
    /// <param name="capacity">The most items held for the consumer; at least 1.</param>
    /// <param name="policy">What to do when an item arrives and the queue is full.</param>
    /// <param name="itemDropped">Called with each dropped item; null to ignore drops.</param>
    /// <returns>The sequence, delivered on <paramref name="scheduler"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="scheduler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1, or
    /// <paramref name="policy"/> is not a defined <see cref="OverflowPolicy"/>.</exception>
    public static IObservable<T> ObserveOnBounded<T>(
        this IObservable<T> source,
        IScheduler scheduler,
        int capacity,
        OverflowPolicy policy,
        Action<T>? itemDropped = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown overflow policy.");
        }

        return Observable.Create<T>(observer => new BoundedObserveOnSink<T>(observer, scheduler, capacity, policy, itemDropped).Run(source));
    }
}
