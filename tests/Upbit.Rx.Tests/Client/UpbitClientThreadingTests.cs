using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>
/// The threading contract on real threads: Dispose (of a stream or of the client) never waits for an OnNext running
/// on another thread, and no library lock is held while user code runs. Messages are published straight into the
/// client's router from a second thread, the way the receive loop does; the virtual clock never moves.
/// </summary>
public sealed class UpbitClientThreadingTests
{
    [Test]
    [CancelAfter(60_000)]
    public void StreamDispose_OnNextBlockedOnReceiveThreadUntilDisposeReturns_ReturnsAndDeliversNothingNew()
    {
        using var client = NewClient();
        var delivery = new BlockingDelivery<Ticker>(t => t.Timestamp == 1);
        var subscription = client.Ticker("KRW-BTC").Subscribe(delivery.OnNext);
        var receiver = new Thread(() => client.Router.Publish(Make.Ticker("KRW-BTC", 100m, 1))) { IsBackground = true };
        receiver.Start();

        delivery.AssertDisposeReturnsWhileBlocked(subscription.Dispose);
        Assert.That(receiver.Join(BlockingDelivery<Ticker>.Bound), Is.True);
        client.Router.Publish(Make.Ticker("KRW-BTC", 101m, 2));

        Assert.That(delivery.Values.Select(t => t.Timestamp), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    [CancelAfter(60_000)]
    public void ClientDispose_OnNextBlockedOnReceiveThreadUntilDisposeReturns_ReturnsThenStreamCompletesOnThatThread()
    {
        var client = NewClient();
        var delivery = new BlockingDelivery<Ticker>(t => t.Timestamp == 1);
        var receiver = new Thread(() => client.Router.Publish(Make.Ticker("KRW-BTC", 100m, 1))) { IsBackground = true };
        using var completed = new ManualResetEventSlim();
        var completedOn = -1;
        using var subscription = client.Ticker("KRW-BTC").Subscribe(delivery.OnNext, () =>
        {
            completedOn = Environment.CurrentManagedThreadId;
            completed.Set();
        });
        receiver.Start();

        delivery.AssertDisposeReturnsWhileBlocked(client.Dispose);

        Assert.That(completed.Wait(BlockingDelivery<Ticker>.Bound), Is.True, "the stream completes once the blocked OnNext returns");
        Assert.That(completedOn, Is.EqualTo(receiver.ManagedThreadId), "completion is queued behind the call in progress");
        Assert.That(receiver.Join(BlockingDelivery<Ticker>.Bound), Is.True);
    }

    [Test]
    [CancelAfter(60_000)]
    public void Errors_SubscribedAfterDispose_CompletionHandlerWaitingOnGetHealthFromAnotherThreadDoesNotDeadlock()
    {
        using var client = NewClient();
        client.Dispose();
        var otherThreadDone = false;

        using var errors = client.Errors.Subscribe(_ => { }, () =>
        {
            var other = new Thread(() => _ = client.GetHealth()) { IsBackground = true };
            other.Start();
            otherThreadDone = other.Join(BlockingDelivery<Ticker>.Bound);
        });

        Assert.That(otherThreadDone, Is.True, "GetHealth on another thread waited for a lock held around OnCompleted");
    }

    [Test]
    [CancelAfter(60_000)]
    public void ConnectionStates_SubscribedAfterDispose_CompletionHandlerWaitingOnGetHealthFromAnotherThreadDoesNotDeadlock()
    {
        using var client = NewClient();
        client.Dispose();
        var otherThreadDone = false;

        using var states = client.ConnectionStates.Subscribe(_ => { }, () =>
        {
            var other = new Thread(() => _ = client.GetHealth()) { IsBackground = true };
            other.Start();
            otherThreadDone = other.Join(BlockingDelivery<Ticker>.Bound);
        });

        Assert.That(otherThreadDone, Is.True);
    }

    [Test]
    [CancelAfter(60_000)]
    public void Errors_HandlerWaitingOnGetHealthFromAnotherThread_DoesNotDeadlock()
    {
        using var client = NewClient();
        var otherThreadDone = false;
        using var errors = client.Errors.Subscribe(error =>
        {
            var other = new Thread(() => _ = client.GetHealth()) { IsBackground = true };
            other.Start();
            otherThreadDone = other.Join(BlockingDelivery<Ticker>.Bound);
        });

        using var bad = client.Ticker("KRW-BTC").Subscribe(_ => throw new InvalidOperationException("subscriber bug"));
        client.Router.Publish(Make.Ticker("KRW-BTC", 100m, 1));

        Assert.That(otherThreadDone, Is.True);
    }

    private static UpbitClient NewClient() =>
        new(new UpbitClientOptions { Scheduler = new TestScheduler(), Transport = new ScriptedTransport() });
}
