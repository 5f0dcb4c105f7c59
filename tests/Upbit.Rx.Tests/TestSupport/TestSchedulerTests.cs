using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;

namespace Upbit.Rx.Tests.TestSupport;

public sealed class TestSchedulerTests : ReactiveTest
{
    [Test]
    public void Start_HotObservable_SeesOnlyMessagesBetweenSubscribeAndDispose()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(150, 1), OnNext(210, 2), OnNext(999, 3), OnNext(1000, 4), OnNext(1010, 5), OnCompleted<int>(1100));

        var results = scheduler.Start(() => xs);

        // NB: the message at 1000 was scheduled (at creation) before Start scheduled the disposal; ties run in
        // schedule order, as in the real package.
        Assert.That(results.Messages, Is.EqualTo(new[] { OnNext(210, 2), OnNext(999, 3), OnNext(1000, 4) }));
        Assert.That(xs.Subscriptions, Is.EqualTo(new[] { Subscribe(200, 1000) }));
    }

    [Test]
    public void Start_ColdObservable_TimesAreRelativeToSubscription()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateColdObservable(OnNext(10, "a"), OnNext(20, "b"), OnCompleted<string>(30));

        var results = scheduler.Start(() => xs);

        Assert.That(results.Messages, Is.EqualTo(new[] { OnNext(210, "a"), OnNext(220, "b"), OnCompleted<string>(230) }));
        Assert.That(xs.Subscriptions, Is.EqualTo(new[] { Subscribe(200, 1000) }));
    }

    [Test]
    public void Start_ExplicitTimes_CreatesSubscribesAndDisposesThen()
    {
        var scheduler = new TestScheduler();
        long createdAt = -1;
        var xs = scheduler.CreateColdObservable(OnNext(5, 1), OnNext(50, 2));

        var results = scheduler.Start(
            () =>
            {
                createdAt = scheduler.Clock;
                return xs;
            },
            created: 10,
            subscribed: 20,
            disposed: 60);

        Assert.That(createdAt, Is.EqualTo(10));
        Assert.That(results.Messages, Is.EqualTo(new[] { OnNext(25, 1) }));
        Assert.That(xs.Subscriptions, Is.EqualTo(new[] { Subscribe(20, 60) }));
    }

    [Test]
    public void Start_DisposedOnly_UsesDefaultCreatedAndSubscribed()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(250, 1), OnNext(350, 2));

        var results = scheduler.Start(() => xs, 300);

        Assert.That(results.Messages, Is.EqualTo(new[] { OnNext(250, 1) }));
        Assert.That(xs.Subscriptions, Is.EqualTo(new[] { Subscribe(200, 300) }));
    }

    [Test]
    public void Start_DefaultConstants_Are100And200And1000()
    {
        Assert.That((Created, Subscribed, Disposed), Is.EqualTo((100L, 200L, 1000L)));
    }

    [Test]
    public void CreateColdObservable_TwoSubscribers_EachGetsOwnTimelineAndLogEntry()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateColdObservable(OnNext(10, 'x'));
        var first = scheduler.CreateObserver<char>();
        var second = scheduler.CreateObserver<char>();
        scheduler.ScheduleAbsolute(100, () => xs.Subscribe(first));
        scheduler.ScheduleAbsolute(300, () => xs.Subscribe(second));

        scheduler.Start();

        Assert.That(first.Messages, Is.EqualTo(new[] { OnNext(110, 'x') }));
        Assert.That(second.Messages, Is.EqualTo(new[] { OnNext(310, 'x') }));
        Assert.That(xs.Subscriptions, Is.EqualTo(new[] { Subscribe(100), Subscribe(300) }));
    }

    [Test]
    public void CreateHotObservable_NoSubscriber_MessagesStillPlayAndAreLost()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(100, 1), OnNext(400, 2));
        var observer = scheduler.CreateObserver<int>();
        scheduler.ScheduleAbsolute(200, () => xs.Subscribe(observer));

        scheduler.Start();

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(400, 2) }));
        Assert.That(xs.Subscriptions, Is.EqualTo(new[] { Subscribe(200) }));
    }

    [Test]
    public void ScheduleAbsolute_AtCurrentTime_RunsAtNextTickAfterCurrentWork()
    {
        var scheduler = new TestScheduler();
        var log = new List<string>();
        scheduler.ScheduleAbsolute(10, () =>
        {
            scheduler.ScheduleAbsolute(10, () => log.Add($"inner@{scheduler.Clock}"));
            log.Add($"outer@{scheduler.Clock}");
        });

        scheduler.Start();

        Assert.That(log, Is.EqualTo(new[] { "outer@10", "inner@11" }));
    }

    [Test]
    public void ScheduleAbsolute_SameDueTime_RunsInScheduleOrder()
    {
        var scheduler = new TestScheduler();
        var log = new List<int>();
        scheduler.ScheduleAbsolute(50, () => log.Add(2));
        scheduler.ScheduleAbsolute(20, () => log.Add(1));
        scheduler.ScheduleAbsolute(50, () => log.Add(3));

        scheduler.Start();

        Assert.That(log, Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void ScheduleRelative_TimeSpan_ConvertsToTicks()
    {
        var scheduler = new TestScheduler();
        long ranAt = -1;
        scheduler.ScheduleAbsolute(5, () => scheduler.Schedule(TimeSpan.FromMilliseconds(1), () => ranAt = scheduler.Clock));

        scheduler.Start();

        Assert.That(ranAt, Is.EqualTo(5 + TimeSpan.TicksPerMillisecond));
    }

    [Test]
    public void Now_Clock_IsTicksAsUtcDateTimeOffset()
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(TimeSpan.TicksPerSecond * 3);

        Assert.That(scheduler.Now, Is.EqualTo(new DateTimeOffset(TimeSpan.TicksPerSecond * 3, TimeSpan.Zero)));
    }

    [Test]
    public void Start_RxTimeOperator_RunsInVirtualTime()
    {
        var scheduler = new TestScheduler();

        var results = scheduler.Start(() => Observable.Interval(TimeSpan.FromTicks(300), scheduler));

        Assert.That(results.Messages, Is.EqualTo(new[] { OnNext(500, 0L), OnNext(800, 1L) }));
    }

    [Test]
    public void Start_Error_IsRecordedWithTime()
    {
        var scheduler = new TestScheduler();
        var boom = new InvalidOperationException("boom");
        var xs = scheduler.CreateColdObservable(OnNext(1, 7), OnError<int>(2, boom));

        var results = scheduler.Start(() => xs);

        Assert.That(results.Messages, Is.EqualTo(new[] { OnNext(201, 7), OnError<int>(202, boom) }));
    }
}
