using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Operators;

namespace Upbit.Rx.Tests.Operators;

public sealed class CoalesceByTests : ReactiveTest
{
    private static readonly Quote A1 = new("KRW-BTC", 1);
    private static readonly Quote A2 = new("KRW-BTC", 2);
    private static readonly Quote A3 = new("KRW-BTC", 3);
    private static readonly Quote B1 = new("KRW-ETH", 4);

    [Test]
    public void CoalesceByCode_SpacedValues_EachDeliveredOneTickLater()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, A1), OnNext(220, B1), OnCompleted<Quote>(230));

        var observer = scheduler.Start(() => source.CoalesceByCode(scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(211, A1), OnNext(221, B1), OnCompleted<Quote>(231) }));
    }

    [Test]
    public void CoalesceByCode_BurstInOneTick_LatestPerCodeInFirstPendingOrder()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, A1), OnNext(210, A2), OnNext(210, B1), OnNext(210, A3));

        var observer = scheduler.Start(() => source.CoalesceByCode(scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(211, A3), OnNext(211, B1) }));
    }

    [Test]
    public void CoalesceByCode_ValuesArriveWhileConsumerBusy_NewerValueReplacesPending()
    {
        var scheduler = new TestScheduler();
        var subject = new Subject<Quote>();
        var delivered = new List<Quote>();
        using var subscription = subject.CoalesceByCode(scheduler).Subscribe(q =>
        {
            delivered.Add(q);
            if (q == A1)
            {
                // NB: the consumer is still handling A1 when these arrive.
                subject.OnNext(A2);
                subject.OnNext(B1);
                subject.OnNext(A3);
            }
        });

        subject.OnNext(A1);
        scheduler.Start();

        Assert.That(delivered, Is.EqualTo(new[] { A1, A3, B1 }));
    }

    [Test]
    public void CoalesceByCode_CompletedWithPendingValues_FlushesThenCompletes()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, A1), OnNext(210, B1), OnNext(210, A2), OnCompleted<Quote>(210));

        var observer = scheduler.Start(() => source.CoalesceByCode(scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(211, A2), OnNext(211, B1), OnCompleted<Quote>(211) }));
    }

    [Test]
    public void CoalesceByCode_ErrorWithPendingValues_FlushesThenPropagatesError()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("feed broke");
        var source = scheduler.CreateHotObservable(OnNext(210, A1), OnNext(210, B1), OnError<Quote>(210, error));

        var observer = scheduler.Start(() => source.CoalesceByCode(scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(211, A1), OnNext(211, B1), OnError<Quote>(211, error) }));
    }

    [Test]
    public void CoalesceByCode_Window_DeliversLatestPerCodeWhenWindowCloses()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(
            OnNext(210, A1), OnNext(220, A2), OnNext(230, B1), OnNext(300, A3), OnCompleted<Quote>(400));

        var observer = scheduler.Start(() => source.CoalesceByCode(TimeSpan.FromTicks(50), scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[]
        {
            OnNext(260, A2), OnNext(260, B1), OnNext(350, A3), OnCompleted<Quote>(401),
        }));
    }

    [Test]
    public void CoalesceByCode_WindowOpenWhenCompleted_FlushesWithoutWaiting()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, A1), OnNext(220, B1), OnCompleted<Quote>(230));

        var observer = scheduler.Start(() => source.CoalesceByCode(TimeSpan.FromTicks(50), scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(231, A1), OnNext(231, B1), OnCompleted<Quote>(231) }));
    }

    [Test]
    public void CoalesceByCode_WindowOpenWhenErrored_FlushesThenPropagatesError()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("feed broke");
        var source = scheduler.CreateHotObservable(OnNext(210, A1), OnNext(220, A2), OnError<Quote>(230, error));

        var observer = scheduler.Start(() => source.CoalesceByCode(TimeSpan.FromTicks(50), scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(231, A2), OnError<Quote>(231, error) }));
    }

    [Test]
    public void CoalesceByCode_DisposedWhileWindowOpen_DeliversNothingAndUnsubscribes()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, A1), OnNext(270, A2));

        var observer = scheduler.Start(() => source.CoalesceByCode(TimeSpan.FromTicks(50), scheduler), disposed: 250);

        Assert.That((observer.Messages.Count, source.Subscriptions.Single()), Is.EqualTo((0, Subscribe(200, 250))));
    }

    [Test]
    public void CoalesceBy_KeySelectorThrows_FlushesPendingThenPropagatesSelectorError()
    {
        var scheduler = new TestScheduler();
        var error = new FormatException("bad key");
        var source = scheduler.CreateHotObservable(OnNext(210, 1), OnNext(210, 2), OnNext(210, -1), OnNext(220, 3));

        var observer = scheduler.Start(() => source.CoalesceBy(x => x >= 0 ? x % 2 : throw error, scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(211, 1), OnNext(211, 2), OnError<int>(211, error) }));
    }

    [Test]
    public void CoalesceBy_NegativeWindow_ThrowsArgumentOutOfRange()
    {
        var source = new Subject<int>();

        Assert.That(
            () => source.CoalesceBy(x => x, TimeSpan.FromTicks(-1), new TestScheduler()),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("window"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CoalesceByCode_ProducerAndThreadPoolConsumerRace_LosslessPerCode(CancellationToken cancellation)
    {
        await OperatorProperty.AssertLosslessUnderRaceAsync(source => source.CoalesceByCode(TaskPoolScheduler.Default), cancellation);
    }

    [TestCase(0L)]
    [TestCase(1L)]
    [TestCase(7L)]
    [TestCase(40L)]
    public void CoalesceByCode_RandomSequences_NeverLoseFinalValueNorReorderWithinCode(long windowTicks)
    {
        var random = new Random(5000 + (int)windowTicks);
        for (var run = 0; run < 100; run++)
        {
            var scheduler = new TestScheduler();
            var (messages, sent) = OperatorProperty.RandomFeed(random);
            var source = scheduler.CreateHotObservable(messages);

            var observer = scheduler.Start(() => source.CoalesceByCode(TimeSpan.FromTicks(windowTicks), scheduler), disposed: 1_000_000);

            OperatorProperty.AssertLossless(sent, observer.Messages, $"window {windowTicks}, run {run}");
        }
    }
}
