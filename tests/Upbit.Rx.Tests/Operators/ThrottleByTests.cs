using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Operators;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Operators;

public sealed class ThrottleByTests : ReactiveTest
{
    private static readonly TimeSpan Interval = TimeSpan.FromTicks(50);

    [Test]
    public void ThrottleByCode_QuietCode_FirstValuePassesAtOnceLaterValuesHeldToIntervalEnd()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, Btc(1)), OnNext(220, Btc(2)), OnNext(230, Btc(3)), OnNext(320, Btc(4)), OnCompleted<Quote>(400));

        var observer = scheduler.Start(() => source.ThrottleByCode(Interval, scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[]
        {
            OnNext(210, Btc(1)), OnNext(260, Btc(3)), OnNext(320, Btc(4)), OnCompleted<Quote>(400),
        }));
    }

    [Test]
    public void ThrottleByCode_CodeNeverQuiet_LatestDeliveredEveryInterval()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, Btc(1)), OnNext(225, Btc(2)), OnNext(240, Btc(3)), OnNext(255, Btc(4)),
            OnNext(270, Btc(5)), OnNext(285, Btc(6)), OnNext(300, Btc(7)), OnCompleted<Quote>(400));

        var observer = scheduler.Start(() => source.ThrottleByCode(Interval, scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[]
        {
            OnNext(210, Btc(1)), OnNext(260, Btc(4)), OnNext(310, Btc(7)), OnCompleted<Quote>(400),
        }));
    }

    [Test]
    public void ThrottleByCode_TwoCodes_EachThrottledOnItsOwn()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, Btc(1)), OnNext(220, Eth(2)), OnNext(230, Btc(3)), OnNext(240, Eth(4)), OnNext(245, Eth(5)));

        var observer = scheduler.Start(() => source.ThrottleByCode(Interval, scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[]
        {
            OnNext(210, Btc(1)), OnNext(220, Eth(2)), OnNext(260, Btc(3)), OnNext(270, Eth(5)),
        }));
    }

    [Test]
    public void ThrottleByCode_CompletedWhileValuesHeld_FlushesInArrivalOrderThenCompletes()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, Btc(1)), OnNext(215, Eth(2)), OnNext(230, Eth(3)), OnNext(240, Btc(4)), OnCompleted<Quote>(250));

        var observer = scheduler.Start(() => source.ThrottleByCode(Interval, scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[]
        {
            OnNext(210, Btc(1)), OnNext(215, Eth(2)), OnNext(250, Eth(3)), OnNext(250, Btc(4)), OnCompleted<Quote>(250),
        }));
    }

    [Test]
    public void ThrottleByCode_ErrorWhileValueHeld_FlushesThenPropagatesError()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("feed broke");
        var source = scheduler.CreateHotObservable(OnNext(210, Btc(1)), OnNext(220, Btc(2)), OnError<Quote>(230, error));

        var observer = scheduler.Start(() => source.ThrottleByCode(Interval, scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(210, Btc(1)), OnNext(230, Btc(2)), OnError<Quote>(230, error) }));
    }

    [Test]
    public void ThrottleByCode_DisposedWhileValueHeld_HeldValueNeverDelivered()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, Btc(1)), OnNext(220, Btc(2)));

        var observer = scheduler.Start(() => source.ThrottleByCode(Interval, scheduler), disposed: 240);

        Assert.That((observer.Messages.ToArray(), source.Subscriptions.Single()), Is.EqualTo((new[] { OnNext(210, Btc(1)) }, Subscribe(200, 240))));
    }

    [Test]
    public void ThrottleBy_KeySelectorThrows_PropagatesSelectorError()
    {
        var scheduler = new TestScheduler();
        var error = new FormatException("bad key");
        var source = scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 3), OnNext(230, -1));

        var observer = scheduler.Start(() => source.ThrottleBy(x => x >= 0 ? x % 2 : throw error, Interval, scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(210, 1), OnNext(230, 3), OnError<int>(230, error) }));
    }

    [TestCase(0L)]
    [TestCase(-5L)]
    public void ThrottleByCode_IntervalNotPositive_ThrowsArgumentOutOfRange(long ticks)
    {
        var source = new Subject<Quote>();

        Assert.That(
            () => source.ThrottleByCode(TimeSpan.FromTicks(ticks), new TestScheduler()),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("interval"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ThrottleByCode_ProducerRacesThreadPoolTimers_LosslessPerCode(CancellationToken cancellation)
    {
        await OperatorProperty.AssertLosslessUnderRaceAsync(source => source.ThrottleByCode(TimeSpan.FromMilliseconds(1), TaskPoolScheduler.Default), cancellation);
    }

    [Test]
    public void ThrottleByCode_SubscriberDisposesFromInsideOnNext_NoTimerLeftScheduled()
    {
        var scheduler = new InspectableScheduler();
        var source = new Subject<Quote>();
        var received = new List<Quote>();
        IDisposable? subscription = null;
        subscription = source.ThrottleByCode(Interval, scheduler).Subscribe(q =>
        {
            received.Add(q);
            subscription!.Dispose();
        });

        source.OnNext(Btc(1));

        Assert.That(received, Is.EqualTo(new[] { Btc(1) }));
        Assert.That(scheduler.HasPendingWork, Is.False, "a timer is left scheduled after dispose-from-OnNext");
    }

    [Test]
    public void ThrottleByCode_DisposedWithOpenIntervals_NoTimerLeftScheduled()
    {
        var scheduler = new InspectableScheduler();
        var source = new Subject<Quote>();
        var subscription = source.ThrottleByCode(Interval, scheduler).Subscribe(_ => { });
        source.OnNext(Btc(1));
        source.OnNext(Eth(2));
        Assert.That(scheduler.HasPendingWork, Is.True, "two intervals are open");

        subscription.Dispose();

        Assert.That(scheduler.HasPendingWork, Is.False);
    }

    [TestCase(1L)]
    [TestCase(10L)]
    [TestCase(60L)]
    public void ThrottleByCode_RandomSequences_LosslessAndAtMostOnePerCodePerInterval(long intervalTicks)
    {
        var random = new Random(7000 + (int)intervalTicks);
        for (var run = 0; run < 100; run++)
        {
            var scheduler = new TestScheduler();
            var (messages, sent) = OperatorProperty.RandomFeed(random);
            var source = scheduler.CreateHotObservable(messages);

            var observer = scheduler.Start(() => source.ThrottleByCode(TimeSpan.FromTicks(intervalTicks), scheduler), disposed: 1_000_000);

            var context = $"interval {intervalTicks}, run {run}";
            OperatorProperty.AssertLossless(sent, observer.Messages, context);
            var completedAt = observer.Messages[^1].Time;
            var gaps = observer.Messages
                .Where(r => r.Value.Kind == NotificationKind.OnNext && r.Time < completedAt)
                .GroupBy(r => r.Value.Value.Code)
                .SelectMany(g => g.Zip(g.Skip(1), (a, b) => b.Time - a.Time));
            Assert.That(gaps, Has.All.GreaterThanOrEqualTo(intervalTicks), context);
        }
    }

    private static Quote Btc(int seq) => new("KRW-BTC", seq);

    private static Quote Eth(int seq) => new("KRW-ETH", seq);
}
