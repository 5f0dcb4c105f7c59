using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Reactive.Threading.Tasks;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Connection;
using Upbit.Rx.Operators;

namespace Upbit.Rx.Tests.Operators;

public sealed class RetryWithBackoffTests : ReactiveTest
{
    private static readonly InvalidOperationException Failure = new("socket dropped");

    private static readonly BackoffOptions Exact = new()
    {
        InitialDelay = TimeSpan.FromTicks(100),
        MaxDelay = TimeSpan.FromTicks(300),
        Multiplier = 2,
        Jitter = BackoffJitter.None,
    };

    [Test]
    public void RetryWithBackoff_FullJitterSeeded_WaitsExactlyBackoffDelaysThenPropagatesAfterMaxRetryAttempts()
    {
        var scheduler = new TestScheduler();
        var options = new BackoffOptions
        {
            InitialDelay = TimeSpan.FromTicks(100),
            MaxDelay = TimeSpan.FromTicks(1000),
            MaxRetryAttempts = 3,
        };
        var replica = new Random(42);
        var delays = Enumerable.Range(1, 3).Select(attempt => Backoff.Delay(options, attempt, replica).Ticks).ToArray();
        var source = scheduler.CreateColdObservable(OnError<int>(10, Failure));

        var observer = scheduler.Start(() => source.RetryWithBackoff(new RetryOptions { Backoff = options }, scheduler, random: new Random(42)), disposed: 10_000);

        var t1 = 210 + delays[0];
        var t2 = t1 + 10 + delays[1];
        var t3 = t2 + 10 + delays[2];
        Assert.That(delays.Distinct().Count(), Is.EqualTo(3), "the seed must give three different jittered delays");
        Assert.That(
            (observer.Messages.ToArray(), source.Subscriptions.ToArray()),
            Is.EqualTo((
                new[] { OnError<int>(t3 + 10, Failure) },
                new[] { Subscribe(200, 210), Subscribe(t1, t1 + 10), Subscribe(t2, t2 + 10), Subscribe(t3, t3 + 10) })));
    }

    [Test]
    public void RetryWithBackoff_NoJitter_DelaysDoubleUpToCap()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateColdObservable(OnError<int>(10, Failure));

        var observer = scheduler.Start(() => source.RetryWithBackoff(new RetryOptions { Backoff = Exact with { MaxRetryAttempts = 4 } }, scheduler), disposed: 10_000);

        Assert.That(
            (observer.Messages.ToArray(), source.Subscriptions.ToArray()),
            Is.EqualTo((
                new[] { OnError<int>(1150, Failure) },
                new[] { Subscribe(200, 210), Subscribe(310, 320), Subscribe(520, 530), Subscribe(830, 840), Subscribe(1140, 1150) })));
    }

    [Test]
    public void RetryWithBackoff_ValueBeforeEachFailure_CounterResetsSoMaxRetryAttemptsNeverReached()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateColdObservable(OnNext(10, 7), OnError<int>(20, Failure));

        var observer = scheduler.Start(() => source.RetryWithBackoff(new RetryOptions { Backoff = Exact with { MaxRetryAttempts = 1 } }, scheduler), disposed: 500);

        Assert.That(
            (observer.Messages.ToArray(), source.Subscriptions.ToArray()),
            Is.EqualTo((
                new[] { OnNext(210, 7), OnNext(330, 7), OnNext(450, 7) },
                new[] { Subscribe(200, 220), Subscribe(320, 340), Subscribe(440, 460) })));
    }

    [Test]
    public void RetryWithBackoff_ShouldHandleRejectsSecondError_PropagatesIt()
    {
        var scheduler = new TestScheduler();
        var subscriptions = 0;
        var fatal = new UnauthorizedAccessException("bad key");
        var source = Observable.Defer(() => Observable.Throw<int>(++subscriptions == 1 ? new TimeoutException() : fatal));

        var observer = scheduler.Start(() => source.RetryWithBackoff(new RetryOptions { Backoff = Exact, ShouldHandle = e => e is TimeoutException }, scheduler));

        Assert.That((observer.Messages.ToArray(), subscriptions), Is.EqualTo((new[] { OnError<int>(300, fatal) }, 2)));
    }

    [Test]
    public void RetryWithBackoff_ShouldHandleThrows_PropagatesItsException()
    {
        var scheduler = new TestScheduler();
        var broken = new ArgumentException("predicate bug");
        var source = scheduler.CreateColdObservable(OnError<int>(10, Failure));

        var observer = scheduler.Start(() => source.RetryWithBackoff(new RetryOptions { Backoff = Exact, ShouldHandle = _ => throw broken }, scheduler));

        Assert.That(observer.Messages, Is.EqualTo(new[] { OnError<int>(210, broken) }));
    }

    [Test]
    public void RetryWithBackoff_SourceCompletes_CompletesWithoutRetry()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateColdObservable(OnNext(10, 1), OnCompleted<int>(20));

        var observer = scheduler.Start(() => source.RetryWithBackoff(new RetryOptions { Backoff = Exact }, scheduler));

        Assert.That(
            (observer.Messages.ToArray(), source.Subscriptions.ToArray()),
            Is.EqualTo((new[] { OnNext(210, 1), OnCompleted<int>(220) }, new[] { Subscribe(200, 220) })));
    }

    [Test]
    public void RetryWithBackoff_MaxRetryAttemptsZero_FirstErrorPropagates()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateColdObservable(OnError<int>(10, Failure));

        var observer = scheduler.Start(() => source.RetryWithBackoff(new RetryOptions { Backoff = Exact with { MaxRetryAttempts = 0 } }, scheduler));

        Assert.That((observer.Messages.ToArray(), source.Subscriptions.Count), Is.EqualTo((new[] { OnError<int>(210, Failure) }, 1)));
    }

    [Test]
    public void RetryWithBackoff_DisposedDuringWait_NeverResubscribes()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateColdObservable(OnError<int>(10, Failure));

        var observer = scheduler.Start(() => source.RetryWithBackoff(new RetryOptions { Backoff = Exact }, scheduler), disposed: 250);

        Assert.That((observer.Messages.Count, source.Subscriptions.ToArray()), Is.EqualTo((0, new[] { Subscribe(200, 210) })));
    }

    [TestCaseSource(nameof(SynchronousSchedulers))]
    public void RetryWithBackoff_SynchronousSchedulerZeroDelay_TenThousandFailuresOnAFlatStack(IScheduler scheduler)
    {
        var options = new BackoffOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, Jitter = BackoffJitter.None, MaxRetryAttempts = 10_000 };
        var depths = new List<int>();
        var source = Observable.Create<int>(observer =>
        {
            depths.Add(new StackTrace().FrameCount);
            observer.OnError(Failure);
            return Disposable.Empty;
        });
        Exception? error = null;

        using var subscription = source.RetryWithBackoff(new RetryOptions { Backoff = options }, scheduler).Subscribe(_ => { }, e => error = e);

        Assert.That(depths, Has.Count.EqualTo(10_001), "the first subscription and 10,000 retries");
        Assert.That(error, Is.SameAs(Failure));

        // NB: flat means the depth does not grow with the retries. It is not constant: tiered JIT inlines hot methods
        // partway through the run, and under load it did so late enough to take 6 frames off (26 to 20 at retry 6,387)
        // where the old check allowed 4. An unflattened retry loop grows by about 16 frames per retry (160,000 over
        // this run), so a spread of 32 frames is reached after 2 retries of growth.
        var resubscriptions = depths.Skip(1).ToList();
        Assert.That(resubscriptions.Max() - resubscriptions.Min(), Is.LessThan(32), "spread of the resubscriptions' stack depths");
    }

    [Test]
    public void RetryWithBackoff_SynchronousSchedulerSourceRecovers_SubscriptionStaysLive()
    {
        var options = new BackoffOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, Jitter = BackoffJitter.None };
        var subscriptions = 0;
        var live = new Subject<int>();
        var source = Observable.Defer(() => ++subscriptions < 3 ? Observable.Throw<int>(Failure) : live);
        var received = new List<int>();

        using var subscription = source.RetryWithBackoff(new RetryOptions { Backoff = options }, ImmediateScheduler.Instance).Subscribe(received.Add);
        live.OnNext(7);

        Assert.That(subscriptions, Is.EqualTo(3));
        Assert.That(live.HasObservers, Is.True, "the third subscription must not be disposed by the wait that scheduled it");
        Assert.That(received, Is.EqualTo(new[] { 7 }));
    }

    [Test]
    public void RetryWithBackoff_OnRetry_ToldAttemptDelayAndErrorBeforeEachWait()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateColdObservable(OnError<int>(10, Failure));
        var told = new List<(long At, RetryAttempt Attempt)>();
        var options = new RetryOptions { Backoff = Exact with { MaxRetryAttempts = 3 }, OnRetry = a => told.Add((scheduler.Clock, a)) };

        var observer = scheduler.Start(() => source.RetryWithBackoff(options, scheduler), disposed: 10_000);

        Assert.That(told, Is.EqualTo(new[]
        {
            (210L, new RetryAttempt(1, TimeSpan.FromTicks(100), Failure)),
            (320L, new RetryAttempt(2, TimeSpan.FromTicks(200), Failure)),
            (530L, new RetryAttempt(3, TimeSpan.FromTicks(300), Failure)),
        }));
        Assert.That(observer.Messages, Is.EqualTo(new[] { OnError<int>(840, Failure) }));
    }

    [Test]
    public void RetryWithBackoff_OnRetryThrows_EndsWithBothErrorsAndStopsRetrying()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateColdObservable(OnError<int>(10, Failure));
        var hook = new IOException("log sink full");
        var options = new RetryOptions { Backoff = Exact, OnRetry = _ => throw hook };

        var observer = scheduler.Start(() => source.RetryWithBackoff(options, scheduler), disposed: 10_000);

        var error = observer.Messages.Single().Value.Exception as AggregateException;
        Assert.That((observer.Messages.Single().Time, error?.InnerExceptions.ToArray()), Is.EqualTo((210L, new Exception[] { hook, Failure })));
        Assert.That(source.Subscriptions.ToArray(), Is.EqualTo(new[] { Subscribe(200, 210) }));
    }

    [Test]
    public void RetryWithBackoff_OnRetryDisposesSubscription_NoRetryIsMade()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateColdObservable(OnError<int>(10, Failure));
        IDisposable? subscription = null;
        var options = new RetryOptions { Backoff = Exact, OnRetry = _ => subscription!.Dispose() };
        var observer = scheduler.CreateObserver<int>();

        subscription = source.RetryWithBackoff(options, scheduler).Subscribe(observer);
        scheduler.AdvanceTo(10_000);

        Assert.That((observer.Messages.Count, source.Subscriptions.Count), Is.EqualTo((0, 1)));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RetryWithBackoff_DefaultScheduler_RetriesOnThreadPool(CancellationToken cancellation)
    {
        var subscriptions = 0;
        var source = Observable.Defer(() => ++subscriptions < 3 ? Observable.Throw<int>(Failure) : Observable.Return(subscriptions));
        var options = new RetryOptions { Backoff = new BackoffOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero } };

        var values = await source.RetryWithBackoff(options).ToList().ToTask(cancellation);

        Assert.That(values, Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public void RetryWithBackoff_NullShouldHandle_ThrowsAtCall()
    {
        var source = Observable.Never<int>();

        Assert.That(
            () => source.RetryWithBackoff(new RetryOptions { ShouldHandle = null! }, new TestScheduler()),
            Throws.ArgumentNullException.With.Message.StartsWith("RetryOptions.ShouldHandle must not be null."));
    }

    [Test]
    public void RetryWithBackoff_InvalidOptions_ThrowsAtCall()
    {
        var source = Observable.Never<int>();

        Assert.That(
            () => source.RetryWithBackoff(new RetryOptions { Backoff = Exact with { Multiplier = 0.5 } }, new TestScheduler()),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.StartsWith("BackoffOptions.Multiplier must be a finite number of at least 1."));
    }

    private static IEnumerable<TestCaseData> SynchronousSchedulers()
    {
        yield return new TestCaseData(ImmediateScheduler.Instance).SetArgDisplayNames("Immediate");
        yield return new TestCaseData(CurrentThreadScheduler.Instance).SetArgDisplayNames("CurrentThread");
    }
}
