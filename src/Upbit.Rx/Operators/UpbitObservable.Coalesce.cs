using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Operators;

public static partial class UpbitObservable
{
    /// <summary>
    /// Delivers the latest value per key on <paramref name="scheduler"/>: while the consumer is still busy with
    /// earlier values, a newer value of a pending key replaces the older one.
    /// </summary>
    /// <remarks>
    /// <code>
    /// one column per tick; the consumer is busy with a1 from tick 0 to tick 5
    /// source:   a1 ·  a2 b1 a3 ·  ·  ·  |
    /// result:   a1 ·  ·  ·  ·  ·  a3 b1 |
    /// a2 was replaced by a3 while a was pending; a keeps the place a2 took, ahead of b
    /// </code>
    /// <para>Contract. Cold; one source subscription per subscriber. At most one value per key is pending.
    /// Deliveries are in the order the keys first became pending; the values of one key are never reordered and
    /// the last value of every key is always delivered. Values are delivered on <paramref name="scheduler"/>,
    /// one at a time. Completion flushes the pending values, then completes. An error from the source (or the key
    /// selector) is also delivered after the pending values, because they were received before the failure.
    /// Memory is bounded by the number of distinct pending keys.</para>
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TKey">The key type; values of equal keys coalesce.</typeparam>
    /// <param name="source">The source sequence.</param>
    /// <param name="keySelector">Selects the key of a value.</param>
    /// <param name="scheduler">Where values are delivered.</param>
    /// <returns>The coalesced sequence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IObservable<T> CoalesceBy<T, TKey>(this IObservable<T> source, Func<T, TKey> keySelector, IScheduler scheduler)
        where TKey : notnull =>
        CoalesceBy(source, keySelector, TimeSpan.Zero, scheduler);

    /// <summary>
    /// Delivers the latest value per key once per window: the first value to arrive when nothing is pending opens
    /// a window, and when it closes the latest value of each key that arrived is delivered on
    /// <paramref name="scheduler"/>.
    /// </summary>
    /// <remarks>
    /// <code>
    /// window 3 ticks; one column per tick
    /// source:   a1 a2 b1 ·  ·  ·  a3 ·  ·  ·  ·  |
    /// result:   ·  ·  ·  a2 ·  ·  ·  ·  ·  a3 ·  |
    ///                    b1  (same tick, after a2)
    /// </code>
    /// <para>Contract. As <see cref="CoalesceBy{T, TKey}(IObservable{T}, Func{T, TKey}, IScheduler)"/>, plus:
    /// a window opens when a value arrives while nothing is pending or being delivered and lasts
    /// <paramref name="window"/>; values that arrive while the window's values are being delivered join that
    /// delivery (coalesced) without waiting for a new window. Completion and errors do not wait for the window:
    /// the pending values are flushed at once, then the terminal notification follows.</para>
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TKey">The key type; values of equal keys coalesce.</typeparam>
    /// <param name="source">The source sequence.</param>
    /// <param name="keySelector">Selects the key of a value.</param>
    /// <param name="window">How long values gather before delivery; <see cref="TimeSpan.Zero"/> coalesces only while the consumer is busy.</param>
    /// <param name="scheduler">Runs the window timer and delivers the values.</param>
    /// <returns>The coalesced sequence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative.</exception>
    public static IObservable<T> CoalesceBy<T, TKey>(this IObservable<T> source, Func<T, TKey> keySelector, TimeSpan window, IScheduler scheduler)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        return Observable.Create<T>(observer => new CoalesceSink<T, TKey>(observer, keySelector, window, scheduler).Run(source));
    }

    /// <summary>
    /// <see cref="CoalesceBy{T, TKey}(IObservable{T}, Func{T, TKey}, IScheduler)"/> keyed by
    /// <see cref="IMarketMessage.Code"/>: the latest value per pair code while the consumer is busy.
    /// </summary>
    /// <remarks>
    /// <code>
    /// one column per tick; a burst arrives while the consumer is busy with an earlier value
    /// source:   BTC1 ETH1 BTC2 ·    ·    |
    /// result:   ·    ·    ·    BTC2 ETH1 |
    /// </code>
    /// <para>Contract: see <see cref="CoalesceBy{T, TKey}(IObservable{T}, Func{T, TKey}, IScheduler)"/>. Codes are
    /// compared ordinally.</para>
    /// </remarks>
    /// <typeparam name="T">The stream record type.</typeparam>
    /// <param name="source">The source sequence.</param>
    /// <param name="scheduler">Where values are delivered.</param>
    /// <returns>The coalesced sequence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IObservable<T> CoalesceByCode<T>(this IObservable<T> source, IScheduler scheduler)
        where T : IMarketMessage =>
        CoalesceBy(source, static m => m.Code, TimeSpan.Zero, scheduler);

    /// <summary>
    /// <see cref="CoalesceByCode{T}(IObservable{T}, IScheduler)"/> delivering on
    /// <see cref="System.Reactive.Concurrency.DefaultScheduler"/> (the thread pool), which moves the consumer off
    /// the receive loop.
    /// </summary>
    /// <typeparam name="T">The stream record type.</typeparam>
    /// <param name="source">The source sequence.</param>
    /// <returns>The coalesced sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static IObservable<T> CoalesceByCode<T>(this IObservable<T> source)
        where T : IMarketMessage =>
        CoalesceByCode(source, DefaultDelivery);

    /// <summary>
    /// <see cref="CoalesceBy{T, TKey}(IObservable{T}, Func{T, TKey}, TimeSpan, IScheduler)"/> keyed by
    /// <see cref="IMarketMessage.Code"/>: the latest value per pair code once per window.
    /// </summary>
    /// <remarks>
    /// <code>
    /// window 3 ticks; one column per tick
    /// source:   BTC1 BTC2 ETH1 ·    ·    BTC3 ·    ·    ·    |
    /// result:   ·    ·    ·    BTC2 ·    ·    ·    ·    BTC3 |
    ///                          ETH1  (same tick, after BTC2)
    /// </code>
    /// <para>Contract: see <see cref="CoalesceBy{T, TKey}(IObservable{T}, Func{T, TKey}, TimeSpan, IScheduler)"/>.</para>
    /// </remarks>
    /// <typeparam name="T">The stream record type.</typeparam>
    /// <param name="source">The source sequence.</param>
    /// <param name="window">How long values gather before delivery.</param>
    /// <param name="scheduler">Runs the window timer and delivers the values.</param>
    /// <returns>The coalesced sequence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative.</exception>
    public static IObservable<T> CoalesceByCode<T>(this IObservable<T> source, TimeSpan window, IScheduler scheduler)
        where T : IMarketMessage =>
        CoalesceBy(source, static m => m.Code, window, scheduler);

    /// <summary>
    /// <see cref="CoalesceByCode{T}(IObservable{T}, TimeSpan, IScheduler)"/> on
    /// <see cref="System.Reactive.Concurrency.DefaultScheduler"/> (the thread pool).
    /// </summary>
    /// <typeparam name="T">The stream record type.</typeparam>
    /// <param name="source">The source sequence.</param>
    /// <param name="window">How long values gather before delivery.</param>
    /// <returns>The coalesced sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative.</exception>
    public static IObservable<T> CoalesceByCode<T>(this IObservable<T> source, TimeSpan window)
        where T : IMarketMessage =>
        CoalesceByCode(source, window, DefaultDelivery);
}
