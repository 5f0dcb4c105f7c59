using System.Reactive.Concurrency;

namespace Upbit.Rx.Operators;

public static partial class UpbitObservable
{
    /// <summary>The sweep interval of the <see cref="SubscribeWeakly{T, TOwner}(IObservable{T}, TOwner, Action{TOwner, T}, Action{TOwner, Exception}?)"/>
    /// overload without one: 30 seconds.</summary>
    public static readonly TimeSpan DefaultWeakSweepInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Subscribes on behalf of <paramref name="owner"/> without keeping it alive: once the owner has been collected, the
    /// subscription disposes itself, so a client stream's keys leave the shared union as when you dispose it. For
    /// components that are abandoned rather than closed (a view model or a control nobody disposes).
    /// </summary>
    /// <remarks>
    /// <para>Contract. The owner is held only through a <see cref="WeakReference{T}"/>; the handlers get it as their first
    /// argument for the length of each call. Collection is noticed without any wall-clock wait: on the next value
    /// (which is then not delivered) and by a sweep on <paramref name="scheduler"/> every
    /// <paramref name="sweepInterval"/>, so a quiet stream is released too. Disposing the returned handle earlier stops
    /// everything at once, like any subscription. Values and the error arrive on the source's thread; no lock is held
    /// while the handlers run. Completion ends the subscription quietly.</para>
    /// <para><b>The trap:</b> a handler that captures the owner (<c>v => this.Show(v)</c>, a method group of the owner
    /// such as <c>Show</c>, or a lambda closing over a local that holds it) is held by the source and keeps the owner
    /// alive forever. Write a static lambda that uses its first argument instead:
    /// <c>stream.SubscribeWeakly(this, static (self, v) => self.Show(v))</c>. A handler whose target is the owner, or a
    /// compiler-generated closure holding it in a field, is refused with <see cref="ArgumentException"/>; deeper
    /// captures cannot be seen and are the caller's to avoid.</para>
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TOwner">The owner type.</typeparam>
    /// <param name="source">The sequence to observe.</param>
    /// <param name="owner">Whose lifetime bounds the subscription.</param>
    /// <param name="onNext">Called with the owner and each value.</param>
    /// <param name="onError">Called with the owner and the error; null lets the error propagate as Rx's
    /// <c>Subscribe(onNext)</c> does. Not called when the owner is gone.</param>
    /// <param name="scheduler">Runs the sweep (under test, a <c>TestScheduler</c>).</param>
    /// <param name="sweepInterval">How often to look for a collected owner when no value arrives; positive.</param>
    /// <returns>The subscription; disposing it ends it at once.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="onError"/> is null.</exception>
    /// <exception cref="ArgumentException">A handler captures <paramref name="owner"/> (see the trap above).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sweepInterval"/> is not positive.</exception>
    public static IDisposable SubscribeWeakly<T, TOwner>(
        this IObservable<T> source,
        TOwner owner,
        Action<TOwner, T> onNext,
        Action<TOwner, Exception>? onError,
        IScheduler scheduler,
        TimeSpan sweepInterval)
        where TOwner : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(onNext);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sweepInterval, TimeSpan.Zero);
        OwnerCapture.ThrowIfCaptured(onNext, owner, nameof(onNext));
        OwnerCapture.ThrowIfCaptured(onError, owner, nameof(onError));
        return new WeakSubscription<T, TOwner>(owner, onNext, onError).Run(source, scheduler, sweepInterval);
    }

    /// <summary>
    /// <see cref="SubscribeWeakly{T, TOwner}(IObservable{T}, TOwner, Action{TOwner, T}, Action{TOwner, Exception}?, IScheduler, TimeSpan)"/>
    /// sweeping every <see cref="DefaultWeakSweepInterval"/> on <see cref="DefaultScheduler"/> (the thread pool).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TOwner">The owner type.</typeparam>
    /// <param name="source">The sequence to observe.</param>
    /// <param name="owner">Whose lifetime bounds the subscription.</param>
    /// <param name="onNext">Called with the owner and each value; must not capture the owner.</param>
    /// <param name="onError">Called with the owner and the error; null lets the error propagate.</param>
    /// <returns>The subscription; disposing it ends it at once.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="onError"/> is null.</exception>
    /// <exception cref="ArgumentException">A handler captures <paramref name="owner"/>.</exception>
    public static IDisposable SubscribeWeakly<T, TOwner>(this IObservable<T> source, TOwner owner, Action<TOwner, T> onNext, Action<TOwner, Exception>? onError = null)
        where TOwner : class =>
        SubscribeWeakly(source, owner, onNext, onError, DefaultDelivery, DefaultWeakSweepInterval);
}
