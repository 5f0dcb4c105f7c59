using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Reactive.Threading.Tasks;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Operators;

namespace Upbit.Rx.Tests.Operators;

public sealed class ObserveOnBoundedTests : ReactiveTest
{
    [Test]
    public void ObserveOnBounded_ConsumerKeepsUp_EveryItemOnTargetInOrder()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnCompleted<int>(230));
        var dropped = new List<int>();

        var observer = scheduler.Start(() => source.ObserveOnBounded(scheduler, 1, OverflowPolicy.Fail, dropped.Add));

        Assert.That((observer.Messages.ToArray(), dropped.Count), Is.EqualTo((new[] { OnNext(211, 1), OnNext(221, 2), OnCompleted<int>(231) }, 0)));
    }

    [Test]
    public void ObserveOnBounded_DropOldestWhileConsumerStalled_KeepsNewestAndReportsDropped()
    {
        var (producer, target) = (new TestScheduler(), new TestScheduler());
        var source = Feed(producer, OnCompleted<int>(250));
        var dropped = new List<int>();
        var observer = target.CreateObserver<int>();
        using var subscription = source.ObserveOnBounded(target, 2, OverflowPolicy.DropOldest, dropped.Add).Subscribe(observer);

        producer.Start();
        target.Start();

        Assert.That((observer.Messages.ToArray(), dropped.ToArray()), Is.EqualTo((new[] { OnNext(1, 3), OnNext(1, 4), OnCompleted<int>(1) }, new[] { 1, 2 })));
    }

    [Test]
    public void ObserveOnBounded_DropNewestWhileConsumerStalled_EvictsNewestQueuedLikeBoundedChannel()
    {
        var (producer, target) = (new TestScheduler(), new TestScheduler());
        var source = Feed(producer, OnCompleted<int>(250));
        var dropped = new List<int>();
        var observer = target.CreateObserver<int>();
        using var subscription = source.ObserveOnBounded(target, 2, OverflowPolicy.DropNewest, dropped.Add).Subscribe(observer);

        producer.Start();
        target.Start();

        Assert.That((observer.Messages.ToArray(), dropped.ToArray()), Is.EqualTo((new[] { OnNext(1, 1), OnNext(1, 4), OnCompleted<int>(1) }, new[] { 2, 3 })));
    }

    [Test]
    public void ObserveOnBounded_DropWriteWhileConsumerStalled_DropsArrivingAndKeepsPrefix()
    {
        var (producer, target) = (new TestScheduler(), new TestScheduler());
        var source = Feed(producer, OnCompleted<int>(250));
        var dropped = new List<int>();
        var observer = target.CreateObserver<int>();
        using var subscription = source.ObserveOnBounded(target, 2, OverflowPolicy.DropWrite, dropped.Add).Subscribe(observer);

        producer.Start();
        target.Start();

        Assert.That((observer.Messages.ToArray(), dropped.ToArray()), Is.EqualTo((new[] { OnNext(1, 1), OnNext(1, 2), OnCompleted<int>(1) }, new[] { 3, 4 })));
    }

    [TestCase(OverflowPolicy.DropOldest, new[] { 3, 4, 5 }, new[] { 1, 2 })]
    [TestCase(OverflowPolicy.DropNewest, new[] { 1, 2, 5 }, new[] { 3, 4 })]
    [TestCase(OverflowPolicy.DropWrite, new[] { 1, 2, 3 }, new[] { 4, 5 })]
    public async Task ObserveOnBounded_DropModes_MatchBoundedChannelOfSameName(OverflowPolicy policy, int[] expectedKept, int[] expectedDropped)
    {
        var mode = Enum.Parse<System.Threading.Channels.BoundedChannelFullMode>(policy.ToString());
        var channelDropped = new List<int>();
        var channel = System.Threading.Channels.Channel.CreateBounded<int>(new System.Threading.Channels.BoundedChannelOptions(3) { FullMode = mode }, channelDropped.Add);
        var target = new TestScheduler();
        var subject = new Subject<int>();
        var dropped = new List<int>();
        var observer = target.CreateObserver<int>();
        using var subscription = subject.ObserveOnBounded(target, 3, policy, dropped.Add).Subscribe(observer);

        for (var i = 1; i <= 5; i++)
        {
            subject.OnNext(i);
            Assert.That(channel.Writer.TryWrite(i), Is.True);
        }

        channel.Writer.Complete();
        target.Start();
        var channelKept = new List<int>();
        await foreach (var item in channel.Reader.ReadAllAsync())
        {
            channelKept.Add(item);
        }

        Assert.That((observer.Messages.Select(m => m.Value.Value).ToArray(), dropped.ToArray()), Is.EqualTo((channelKept.ToArray(), channelDropped.ToArray())));
        Assert.That((channelKept.ToArray(), channelDropped.ToArray()), Is.EqualTo((expectedKept, expectedDropped)));
    }

    [Test]
    public void ObserveOnBounded_FailWhenFull_DeliversQueuedThenOverflowErrorAndUnsubscribes()
    {
        var (producer, target) = (new TestScheduler(), new TestScheduler());
        var source = Feed(producer, OnCompleted<int>(250));
        var dropped = new List<int>();
        var observer = target.CreateObserver<int>();
        using var subscription = source.ObserveOnBounded(target, 2, OverflowPolicy.Fail, dropped.Add).Subscribe(observer);

        producer.Start();
        target.Start();

        Assert.That(observer.Messages, Is.EqualTo(new[]
        {
            OnNext(1, 1), OnNext(1, 2), OnError<int>(1, e => e is BufferOverflowException { Capacity: 2 }),
        }));
        Assert.That((source.Subscriptions.Single(), dropped.Count), Is.EqualTo((Subscribe(0, 230), 0)));
    }

    [Test]
    public void ObserveOnBounded_SourceErrors_ErrorAfterQueuedItems()
    {
        var (producer, target) = (new TestScheduler(), new TestScheduler());
        var error = new InvalidOperationException("feed broke");
        var source = producer.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnError<int>(230, error));
        var observer = target.CreateObserver<int>();
        using var subscription = source.ObserveOnBounded(target, 8, OverflowPolicy.DropOldest).Subscribe(observer);

        producer.Start();
        target.Start();

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(1, 1), OnNext(1, 2), OnError<int>(1, error) }));
    }

    [Test]
    public void ObserveOnBounded_ItemsArriveDuringDelivery_YieldsAfterCapacityItemsPerRun()
    {
        var target = new TestScheduler();
        var subject = new Subject<int>();
        var observer = target.CreateObserver<int>();
        using var subscription = subject.ObserveOnBounded(target, 2, OverflowPolicy.Fail).Subscribe(value =>
        {
            observer.OnNext(value);
            if (value <= 2)
            {
                subject.OnNext(value + 2);
            }
        });

        subject.OnNext(1);
        subject.OnNext(2);
        target.Start();

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnNext(1, 1), OnNext(1, 2), OnNext(2, 3), OnNext(2, 4) }));
    }

    [Test]
    public void ObserveOnBounded_DisposedWithQueuedItems_NothingDelivered()
    {
        var (producer, target) = (new TestScheduler(), new TestScheduler());
        var source = Feed(producer, OnCompleted<int>(250));
        var observer = target.CreateObserver<int>();
        var subscription = source.ObserveOnBounded(target, 8, OverflowPolicy.DropOldest).Subscribe(observer);

        producer.AdvanceTo(225);
        subscription.Dispose();
        producer.Start();
        target.Start();

        Assert.That((observer.Messages.Count, source.Subscriptions.Single()), Is.EqualTo((0, Subscribe(0, 225))));
    }

    [Test]
    public void ObserveOnBounded_ConsumerNeverRuns_ProducerNeverWaitsAndQueueStaysAtCapacity()
    {
        var target = new TestScheduler();
        var subject = new Subject<int>();
        long dropped = 0;
        var observer = target.CreateObserver<int>();
        using var subscription = subject.ObserveOnBounded(target, 16, OverflowPolicy.DropOldest, _ => dropped++).Subscribe(observer);

        for (var i = 1; i <= 100_000; i++)
        {
            subject.OnNext(i);
        }

        target.Start();

        Assert.That(
            (dropped, observer.Messages.Select(m => m.Value.Value).ToArray()),
            Is.EqualTo((100_000L - 16, Enumerable.Range(100_000 - 15, 16).ToArray())));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ObserveOnBounded_ThreadPoolConsumer_DeliveredPlusDroppedEqualsSentInOrder(CancellationToken cancellation)
    {
        var subject = new Subject<int>();
        long dropped = 0;
        var delivered = subject
            .ObserveOnBounded(TaskPoolScheduler.Default, 64, OverflowPolicy.DropNewest, _ => Interlocked.Increment(ref dropped))
            .ToList()
            .ToTask(cancellation);

        for (var i = 1; i <= 200_000; i++)
        {
            subject.OnNext(i);
        }

        subject.OnCompleted();
        var items = await delivered;

        Assert.That(
            (items.Count + Interlocked.Read(ref dropped), items.Zip(items.Skip(1)).All(p => p.First < p.Second), items[0]),
            Is.EqualTo((200_000L, true, 1)));
    }

    [Test]
    public void ObserveOnBounded_CapacityZero_ThrowsArgumentOutOfRange()
    {
        Assert.That(
            () => new Subject<int>().ObserveOnBounded(new TestScheduler(), 0, OverflowPolicy.DropOldest),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("capacity"));
    }

    [Test]
    public void ObserveOnBounded_UndefinedPolicy_ThrowsArgumentOutOfRange()
    {
        Assert.That(
            () => new Subject<int>().ObserveOnBounded(new TestScheduler(), 4, (OverflowPolicy)42),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("policy"));
    }

    /// <summary>Items 1..4 at ticks 210..240, then <paramref name="end"/>.</summary>
    private static ITestableObservable<int> Feed(TestScheduler producer, Recorded<System.Reactive.Notification<int>> end) =>
        producer.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnNext(230, 3), OnNext(240, 4), end);
}
