using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Microsoft.Reactive.Testing;

/// <summary>
/// A virtual-time scheduler whose clock is a count of ticks (1 tick = 100 ns, as <see cref="TimeSpan.Ticks"/>).
/// Nothing runs until <c>Start</c>, <c>AdvanceTo</c> or <c>AdvanceBy</c> is called; work runs in due-time order,
/// ties in the order scheduled.
/// </summary>
public class TestScheduler : VirtualTimeScheduler<long, long>
{
    /// <summary>
    /// Schedules <paramref name="action"/> at absolute virtual time <paramref name="dueTime"/>. Work due now or in the
    /// past runs at <c>Clock + 1</c>, after the work that is running now.
    /// </summary>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="state">The state passed to the action.</param>
    /// <param name="dueTime">The absolute due time in ticks.</param>
    /// <param name="action">The work to run.</param>
    /// <returns>A disposable that cancels the work if it has not run yet.</returns>
    public override IDisposable ScheduleAbsolute<TState>(TState state, long dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        if (dueTime <= Clock)
        {
            dueTime = Clock + 1;
        }

        return base.ScheduleAbsolute(state, dueTime, action);
    }

    /// <summary>Adds a relative tick count to an absolute time.</summary>
    /// <param name="absolute">The absolute time in ticks.</param>
    /// <param name="relative">The relative time in ticks.</param>
    /// <returns>The sum.</returns>
    protected override long Add(long absolute, long relative) => absolute + relative;

    /// <summary>Converts ticks to a <see cref="DateTimeOffset"/> in UTC (tick 0 is <see cref="DateTimeOffset.MinValue"/>).</summary>
    /// <param name="absolute">The absolute time in ticks.</param>
    /// <returns>The corresponding date and time.</returns>
    protected override DateTimeOffset ToDateTimeOffset(long absolute) => new(absolute, TimeSpan.Zero);

    /// <summary>Converts a <see cref="TimeSpan"/> to ticks.</summary>
    /// <param name="timeSpan">The span.</param>
    /// <returns><see cref="TimeSpan.Ticks"/>.</returns>
    protected override long ToRelative(TimeSpan timeSpan) => timeSpan.Ticks;

    /// <summary>
    /// Creates the observable at <paramref name="created"/>, subscribes at <paramref name="subscribed"/>, disposes the
    /// subscription at <paramref name="disposed"/>, runs the scheduler to completion and returns what was observed.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="create">Creates the observable under test.</param>
    /// <param name="created">The virtual time at which <paramref name="create"/> is called.</param>
    /// <param name="subscribed">The virtual time at which the observer subscribes.</param>
    /// <param name="disposed">The virtual time at which the subscription is disposed.</param>
    /// <returns>The observer with every notification received and its time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="create"/> is null.</exception>
    public ITestableObserver<T> Start<T>(Func<IObservable<T>> create, long created, long subscribed, long disposed)
    {
        ArgumentNullException.ThrowIfNull(create);
        IObservable<T>? source = null;
        IDisposable? subscription = null;
        var observer = CreateObserver<T>();
        ScheduleAbsolute(0, created, (_, _) =>
        {
            source = create();
            return Disposable.Empty;
        });
        ScheduleAbsolute(0, subscribed, (_, _) =>
        {
            subscription = source!.Subscribe(observer);
            return Disposable.Empty;
        });
        ScheduleAbsolute(0, disposed, (_, _) =>
        {
            subscription?.Dispose();
            return Disposable.Empty;
        });
        Start();
        return observer;
    }

    /// <summary>
    /// As <see cref="Start{T}(Func{IObservable{T}}, long, long, long)"/> with <see cref="ReactiveTest.Created"/> (100) and
    /// <see cref="ReactiveTest.Subscribed"/> (200).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="create">Creates the observable under test.</param>
    /// <param name="disposed">The virtual time at which the subscription is disposed.</param>
    /// <returns>The observer with every notification received and its time.</returns>
    public ITestableObserver<T> Start<T>(Func<IObservable<T>> create, long disposed) =>
        Start(create, ReactiveTest.Created, ReactiveTest.Subscribed, disposed);

    /// <summary>
    /// As <see cref="Start{T}(Func{IObservable{T}}, long, long, long)"/> with the defaults created 100, subscribed 200 and
    /// disposed 1000 (<see cref="ReactiveTest"/>).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="create">Creates the observable under test.</param>
    /// <returns>The observer with every notification received and its time.</returns>
    public ITestableObserver<T> Start<T>(Func<IObservable<T>> create) =>
        Start(create, ReactiveTest.Created, ReactiveTest.Subscribed, ReactiveTest.Disposed);

    /// <summary>
    /// Creates a hot observable: each message is played at its absolute time to whoever is subscribed then.
    /// Subscriptions are logged in <see cref="ITestableObservable{T}.Subscriptions"/>.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="messages">The notifications with absolute times.</param>
    /// <returns>The hot observable.</returns>
    public ITestableObservable<T> CreateHotObservable<T>(params Recorded<Notification<T>>[] messages) => new HotObservable<T>(this, messages);

    /// <summary>
    /// Creates a cold observable: each subscriber receives every message at its time relative to the moment it
    /// subscribed. Subscriptions are logged in <see cref="ITestableObservable{T}.Subscriptions"/>.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="messages">The notifications with times relative to subscription.</param>
    /// <returns>The cold observable.</returns>
    public ITestableObservable<T> CreateColdObservable<T>(params Recorded<Notification<T>>[] messages) => new ColdObservable<T>(this, messages);

    /// <summary>Creates an observer that records each notification with this scheduler's clock.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <returns>The recording observer.</returns>
    public ITestableObserver<T> CreateObserver<T>() => new MockObserver<T>(this);
}
