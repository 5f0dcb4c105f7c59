using System.Reactive.Subjects;
using System.Runtime.CompilerServices;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Operators;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Operators;

public sealed class SubscribeWeaklyTests
{
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(10);

    [Test]
    public void SubscribeWeakly_OwnerCollected_SubscriptionDisposedAndKeyLeavesTheUnion()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        using var other = client.Ticker("KRW-ETH").Subscribe(_ => { });
        var seen = new List<Ticker>();
        var threads = new List<int>();
        var alive = new List<object>();
        var owner = SubscribeOwner(client.Ticker("KRW-BTC"), seen, scheduler, alive, threads);
        scheduler.AdvanceBy(2 * TimeSpan.TicksPerSecond);
        Assert.That(WireRequests.Last(exchange), Has.Some.StartsWith("ticker KRW-BTC"));
        Assert.That(seen, Is.Not.Empty, "the owner received the snapshot while it was alive");
        // NB: the collection below is deterministic only if no other thread can be inside the owner's handler (its
        // stack would keep the owner alive): every delivery ran here, inside AdvanceBy, and AdvanceBy has returned.
        Assert.That(threads, Is.All.EqualTo(Environment.CurrentManagedThreadId), "values reached the owner off the scheduler's thread");

        Collect(alive);
        Assert.That(owner.TryGetTarget(out _), Is.False, "the library must not keep the owner alive");
        scheduler.AdvanceBy(Sweep.Ticks + (5 * TimeSpan.TicksPerSecond));

        Assert.That(WireRequests.Last(exchange), Has.None.StartsWith("ticker KRW-BTC").And.Some.StartsWith("ticker KRW-ETH"));
    }

    [Test]
    public void SubscribeWeakly_OwnerCollectedOnAQuietSource_SweepUnsubscribesWithinOneInterval()
    {
        var scheduler = new TestScheduler();
        var source = new Subject<int>();
        var seen = new List<int>();
        var alive = new List<object>();
        var owner = SubscribeOwner(source, seen, scheduler, alive);
        scheduler.AdvanceBy(3 * Sweep.Ticks);
        Assert.That(source.HasObservers, Is.True, "an owner still referenced is never swept");

        Collect(alive);
        Assert.That(owner.TryGetTarget(out _), Is.False);
        scheduler.AdvanceBy(Sweep.Ticks);

        Assert.That(source.HasObservers, Is.False);
    }

    [Test]
    public void SubscribeWeakly_OwnerCollected_NextValueIsNotDeliveredAndUnsubscribes()
    {
        var scheduler = new TestScheduler();
        var source = new Subject<int>();
        var seen = new List<int>();
        var alive = new List<object>();
        var owner = SubscribeOwner(source, seen, scheduler, alive);
        source.OnNext(1);

        Collect(alive);
        Assert.That(owner.TryGetTarget(out _), Is.False);
        source.OnNext(2);

        Assert.That((seen.ToArray(), source.HasObservers), Is.EqualTo((new[] { 1 }, false)));
    }

    [Test]
    public void SubscribeWeakly_OwnerAlive_HandlersGetTheOwnerAndTheValuesAndTheError()
    {
        var scheduler = new TestScheduler();
        var source = new Subject<int>();
        var owner = new Owner<int>([]);
        Exception? failure = null;
        var broken = new InvalidOperationException("gone");
        using var subscription = source.SubscribeWeakly(owner, static (o, v) => o.Seen(v), (o, e) => failure = e, scheduler, Sweep);

        source.OnNext(1);
        source.OnNext(2);
        source.OnError(broken);

        Assert.That((owner.Values.ToArray(), failure, source.HasObservers), Is.EqualTo((new[] { 1, 2 }, (Exception)broken, false)));
        GC.KeepAlive(owner);
    }

    [Test]
    public void SubscribeWeakly_DisposedEarly_StopsValuesAndTheSweep()
    {
        var scheduler = new TestScheduler();
        var source = new Subject<int>();
        var owner = new Owner<int>([]);
        var subscription = source.SubscribeWeakly(owner, static (o, v) => o.Seen(v), null, scheduler, Sweep);

        subscription.Dispose();
        source.OnNext(1);

        Assert.That((owner.Values.Count, source.HasObservers), Is.EqualTo((0, false)));
        scheduler.Start();
        Assert.That(scheduler.Clock, Is.EqualTo(0L), "no sweep is left scheduled");
    }

    [Test]
    public void SubscribeWeakly_HandlerIsAMethodOfTheOwner_Refused()
    {
        var owner = new Owner<int>([]);

        Assert.That(
            () => new Subject<int>().SubscribeWeakly(owner, owner.SeenFrom, null, new TestScheduler(), Sweep),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("onNext").And.Message.Contains("static (self, value) =>"));
    }

    [Test]
    public void SubscribeWeakly_LambdaClosesOverTheOwner_Refused()
    {
        var owner = new Owner<int>([]);

        Assert.That(
            () => new Subject<int>().SubscribeWeakly(owner, (_, v) => owner.Seen(v), null, new TestScheduler(), Sweep),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("onNext"));
    }

    [Test]
    public void SubscribeWeakly_NonPositiveSweep_Throws()
    {
        var owner = new Owner<int>([]);

        Assert.That(
            () => new Subject<int>().SubscribeWeakly(owner, static (o, v) => o.Seen(v), null, new TestScheduler(), TimeSpan.Zero),
            Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    /// <summary>Subscribes a new owner weakly; <paramref name="alive"/> holds it until <see cref="Collect"/>, so a collection
    /// the runtime makes on its own before then (the test allocates) cannot take it early.</summary>
    // NB: not inlined, so no local of the test method keeps the owner reachable after Collect clears alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Owner<T>> SubscribeOwner<T>(IObservable<T> source, List<T> seen, TestScheduler scheduler, List<object> alive, List<int>? threads = null)
    {
        var owner = new Owner<T>(seen, threads);
        source.SubscribeWeakly(owner, static (o, v) => o.Seen(v), null, scheduler, Sweep);
        alive.Add(owner);
        return new WeakReference<Owner<T>>(owner);
    }

    /// <summary>Lets go of the owners and collects.</summary>
    private static void Collect(List<object> alive)
    {
        alive.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private sealed class Owner<T>(List<T> values, List<int>? threads = null)
    {
        public List<T> Values => values;

        public void Seen(T value)
        {
            values.Add(value);
            threads?.Add(Environment.CurrentManagedThreadId);
        }

        public void SeenFrom(Owner<T> self, T value) => self.Seen(value);
    }
}
