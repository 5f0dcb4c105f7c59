using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Operators;

public static partial class UpbitObservable
{
    /// <summary>
    /// Passes at most one value per key per <paramref name="interval"/>: the first value of a quiet key passes at
    /// once and opens an interval; later values in the interval are held (latest wins) and the held value is
    /// delivered when the interval ends, which opens the next interval. Unlike Rx's <c>Throttle</c>, a key that
    /// never goes quiet is never starved.
    /// </summary>
    /// <remarks>
    /// <code>
    /// interval 4 ticks; one column per tick
    /// tick:     0  1  2  3  4  5  6  7  8  9  10 11 12 13 14
    /// source:   a1 ·  a2 a3 ·  b1 ·  a4 ·  ·  ·  ·  ·  a5 |
    /// result:   a1 ·  ·  ·  a3 b1 ·  ·  a4 ·  ·  ·  ·  a5 |
    /// (a is quiet from 8 to 12, so a5 passes at once)
    /// </code>
    /// <para>Contract. Cold; one source subscription per subscriber. The values of one key keep their order and the
    /// last value of every key is delivered. A key that stays quiet for a whole interval is forgotten, so memory
    /// follows the keys active in the last interval. The first value of a quiet key is delivered on the source's
    /// thread, held values on <paramref name="scheduler"/>; calls to the observer never overlap: a value that comes due
    /// while a call is running on another thread is queued and delivered by that thread right after it (no lock is
    /// held around the observer, and disposing never waits for a call in progress). A slow observer delays the
    /// thread that delivers, often the source: put
    /// <see cref="CoalesceByCode{T}(IObservable{T}, IScheduler)"/> or <see cref="ObserveOnBounded{T}"/> after this
    /// operator to hand values to a slow consumer without holding up the receive loop. Completion
    /// delivers the held values at once (in the order they arrived), then completes; an error from the source
    /// (or the key selector) does the same, then propagates.</para>
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TKey">The key type; each key is throttled on its own.</typeparam>
    /// <param name="source">The source sequence.</param>
    /// <param name="keySelector">Selects the key of a value.</param>
    /// <param name="interval">The minimum time between two deliveries of one key.</param>
    /// <param name="scheduler">Runs the interval timers.</param>
    /// <returns>The throttled sequence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public static IObservable<T> ThrottleBy<T, TKey>(this IObservable<T> source, Func<T, TKey> keySelector, TimeSpan interval, IScheduler scheduler)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Observable.Create<T>(observer => new ThrottleSink<T, TKey>(observer, keySelector, interval, scheduler).Run(source));
    }

    /// <summary>
    /// <see cref="ThrottleBy{T, TKey}"/> keyed by <see cref="IMarketMessage.Code"/>: at most one value per pair code
    /// per <paramref name="interval"/>, always ending with the latest.
    /// </summary>
    /// <remarks>
    /// <code>
    /// interval 4 ticks; one column per tick; BTC never goes quiet, yet is delivered every 4 ticks
    /// tick:     0    1    2    3    4    5    6    7    8    9    10
    /// source:   BTC1 BTC2 ETH1 BTC3 ·    BTC4 BTC5 ·    ·    ·    |
    /// result:   BTC1 ·    ETH1 ·    BTC3 ·    ·    ·    BTC5 ·    |
    /// </code>
    /// <para>Contract: see <see cref="ThrottleBy{T, TKey}"/>. Codes are compared ordinally.</para>
    /// </remarks>
    /// <typeparam name="T">The stream record type.</typeparam>
    /// <param name="source">The source sequence.</param>
    /// <param name="interval">The minimum time between two deliveries of one code.</param>
    /// <param name="scheduler">Runs the interval timers.</param>
    /// <returns>The throttled sequence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public static IObservable<T> ThrottleByCode<T>(this IObservable<T> source, TimeSpan interval, IScheduler scheduler)
        where T : IMarketMessage =>
        ThrottleBy(source, static m => m.Code, interval, scheduler);

    /// <summary>
    /// <see cref="ThrottleByCode{T}(IObservable{T}, TimeSpan, IScheduler)"/> with its timers on
    /// <see cref="System.Reactive.Concurrency.DefaultScheduler"/> (the thread pool).
    /// </summary>
    /// <typeparam name="T">The stream record type.</typeparam>
    /// <param name="source">The source sequence.</param>
    /// <param name="interval">The minimum time between two deliveries of one code.</param>
    /// <returns>The throttled sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public static IObservable<T> ThrottleByCode<T>(this IObservable<T> source, TimeSpan interval)
        where T : IMarketMessage =>
        ThrottleByCode(source, interval, DefaultDelivery);
}
