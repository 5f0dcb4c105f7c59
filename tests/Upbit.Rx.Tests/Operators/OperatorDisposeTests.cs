using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using NUnit.Framework;
using Upbit.Rx.Operators;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Operators;

/// <summary>
/// Threading contract of every operator sink: Dispose never waits for an OnNext running on another thread, and after
/// Dispose returns no new OnNext starts (real threads, bounded waits).
/// </summary>
public sealed class OperatorDisposeTests
{
    [TestCase("ThrottleByCode")]
    [TestCase("CoalesceByCode")]
    [TestCase("CoalesceByCode window")]
    [TestCase("ObserveOnBounded")]
    [TestCase("RetryWithBackoff")]
    [CancelAfter(60_000)]
    public void Dispose_OnNextBlockedOnAnotherThreadUntilDisposeReturns_ReturnsAndDeliversNothingNew(string operatorName)
    {
        var pipeline = Pipeline(operatorName);
        var source = new Subject<Quote>();
        var delivery = new BlockingDelivery<Quote>(q => q.Seq == 1);
        var subscription = pipeline(source).Subscribe(delivery.OnNext);
        var producer = new Thread(() => source.OnNext(new Quote("KRW-BTC", 1))) { IsBackground = true };
        producer.Start();

        delivery.AssertDisposeReturnsWhileBlocked(subscription.Dispose);
        Assert.That(producer.Join(BlockingDelivery<Quote>.Bound), Is.True);
        source.OnNext(new Quote("KRW-ETH", 2));
        source.OnCompleted();

        Assert.That(delivery.Values, Is.EqualTo(new[] { new Quote("KRW-BTC", 1) }));
    }

    [Test]
    [CancelAfter(60_000)]
    public void ThrottleByCode_HeldValueBlockedOnTimerThreadUntilDisposeReturns_DisposeReturns()
    {
        var source = new Subject<Quote>();
        var delivery = new BlockingDelivery<Quote>(q => q.Seq == 2);
        var subscription = source.ThrottleByCode(TimeSpan.FromMilliseconds(1), TaskPoolScheduler.Default).Subscribe(delivery.OnNext);

        source.OnNext(new Quote("KRW-BTC", 1));
        source.OnNext(new Quote("KRW-BTC", 2));

        delivery.AssertDisposeReturnsWhileBlocked(subscription.Dispose);
        source.OnNext(new Quote("KRW-ETH", 3));
        Assert.That(delivery.Values, Is.EqualTo(new[] { new Quote("KRW-BTC", 1), new Quote("KRW-BTC", 2) }));
    }

    private static Func<IObservable<Quote>, IObservable<Quote>> Pipeline(string name) => name switch
    {
        "ThrottleByCode" => s => s.ThrottleByCode(TimeSpan.FromMinutes(1), TaskPoolScheduler.Default),
        "CoalesceByCode" => s => s.CoalesceByCode(TaskPoolScheduler.Default),
        "CoalesceByCode window" => s => s.CoalesceByCode(TimeSpan.FromMilliseconds(1), TaskPoolScheduler.Default),
        "ObserveOnBounded" => s => s.ObserveOnBounded(TaskPoolScheduler.Default, 16, OverflowPolicy.DropOldest),
        "RetryWithBackoff" => s => s.RetryWithBackoff(new RetryOptions(), TaskPoolScheduler.Default),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such operator"),
    };
}
