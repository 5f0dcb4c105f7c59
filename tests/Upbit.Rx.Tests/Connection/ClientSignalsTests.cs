using NUnit.Framework;
using Upbit.Rx.Connection;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Connection;

public sealed class ClientSignalsTests
{
    [Test]
    public void Error_LoggerThrows_NothingEscapesAndTheFirstFaultIsReportedOnceAsASubscriberFault()
    {
        var logger = new ThrowingLogger();
        using var signals = new ClientSignals(logger);
        var errors = new List<UpbitError>();
        using var watch = signals.Errors.Subscribe(errors.Add);

        Assert.That(() => signals.Error(new UpbitError(UpbitErrorKind.MalformedFrame, "public", "first")), Throws.Nothing);
        Assert.That(() => signals.State(new ConnectionState("public", ConnectionStatus.Connected), 1), Throws.Nothing);
        Assert.That(() => signals.Error(new UpbitError(UpbitErrorKind.MalformedFrame, "public", "second")), Throws.Nothing);

        Assert.That(logger.Calls, Is.GreaterThanOrEqualTo(4), "the logger is still called after it first threw");
        Assert.That(errors.Select(e => (e.Kind, e.Endpoint)), Is.EqualTo(new[]
        {
            (UpbitErrorKind.SubscriberFault, "client"),
            (UpbitErrorKind.MalformedFrame, "public"),
            (UpbitErrorKind.MalformedFrame, "public"),
        }));
        Assert.That(errors[0].Exception, Is.InstanceOf<InvalidOperationException>().With.Message.EqualTo("logger broke (call 1)"));
        Assert.That(signals.Current["public"].Status, Is.EqualTo(ConnectionStatus.Connected));
    }

    [Test]
    public void State_OlderSequenceArrivesLate_DroppedSoCurrentStaysLatest()
    {
        using var signals = new ClientSignals();
        var seen = new List<ConnectionStatus>();
        using var watch = signals.States.Subscribe(s => seen.Add(s.Status));

        signals.State(new ConnectionState("public", ConnectionStatus.Connecting, 1), 5);
        signals.State(new ConnectionState("public", ConnectionStatus.Connected), 6);
        signals.State(new ConnectionState("public", ConnectionStatus.Reconnecting, 1, TimeSpan.FromSeconds(1)), 4);

        Assert.That(signals.Current["public"].Status, Is.EqualTo(ConnectionStatus.Connected));
        Assert.That(seen, Is.EqualTo(new[] { ConnectionStatus.Connecting, ConnectionStatus.Connected }));
    }

    [Test]
    public void Current_LaterStates_EarlierSnapshotUnchangedAndReadOnly()
    {
        using var signals = new ClientSignals();
        signals.State(new ConnectionState("public", ConnectionStatus.Connected), 1);
        var earlier = signals.Current;

        signals.State(new ConnectionState("public", ConnectionStatus.Reconnecting, 1, TimeSpan.FromSeconds(1)), 2);
        signals.Seed(new ConnectionState("private", ConnectionStatus.Disconnected));

        Assert.That(earlier.Select(p => p.Value.ToString()), Is.EqualTo(new[] { "public: Connected" }));
        Assert.That(signals.Current.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.Status), Is.EqualTo(new[] { ConnectionStatus.Disconnected, ConnectionStatus.Reconnecting }));
        Assert.That(() => ((IDictionary<string, ConnectionState>)earlier).Add("x", new ConnectionState("x", ConnectionStatus.Connected)), Throws.InstanceOf<NotSupportedException>().Or.InstanceOf<InvalidCastException>());
    }

    [Test]
    public void States_NewSubscriber_GetsCurrentOfEachEndpointThenChanges()
    {
        using var signals = new ClientSignals();
        signals.State(new ConnectionState("public", ConnectionStatus.Connected), 1);
        signals.State(new ConnectionState("private", ConnectionStatus.Disconnected), 1);
        var seen = new List<string>();

        using var watch = signals.States.Subscribe(s => seen.Add(s.ToString()));
        signals.State(new ConnectionState("public", ConnectionStatus.Reconnecting, 2, TimeSpan.FromMilliseconds(1500), "socket error"), 2);

        Assert.That(seen, Is.EqualTo(new[] { "private: Disconnected", "public: Connected", "public: Reconnecting (attempt 2 in 1500 ms): socket error" }));
    }

    [Test]
    public void Handler_Throws_RemovedAndOthersKeepReceiving()
    {
        using var signals = new ClientSignals();
        var good = new List<UpbitError>();
        using var bad = signals.Errors.Subscribe(_ => throw new InvalidOperationException("handler bug"));
        using var ok = signals.Errors.Subscribe(good.Add);

        signals.Error(new UpbitError(UpbitErrorKind.MalformedFrame, "public", "one"));
        signals.Error(new UpbitError(UpbitErrorKind.MalformedFrame, "public", "two"));

        Assert.That(good.Select(e => e.Message), Is.EqualTo(new[] { "one", "two" }));
        Assert.That(signals.Malformed, Is.EqualTo(2));
    }

    [Test]
    public void Handler_PublishesFromInsideAHandler_DeliveredAfterInOrder()
    {
        using var signals = new ClientSignals();
        var seen = new List<string>();
        using var watch = signals.Errors.Subscribe(e =>
        {
            seen.Add(e.Message);
            if (e.Message == "first")
            {
                signals.Error(new UpbitError(UpbitErrorKind.ServerError, "public", "nested"));
                seen.Add("after nested call");
            }
        });

        signals.Error(new UpbitError(UpbitErrorKind.ServerError, "public", "first"));

        Assert.That(seen, Is.EqualTo(new[] { "first", "after nested call", "nested" }));
    }

    [Test]
    public void State_EqualNewerThenOlderLate_CurrentIsLatestDecided()
    {
        using var signals = new ClientSignals();
        var idle = new ConnectionState("public", ConnectionStatus.Disconnected, Reason: "no subscribers");
        signals.State(idle, 1);
        signals.State(idle, 4);
        signals.State(new ConnectionState("public", ConnectionStatus.Connecting), 2);
        signals.State(new ConnectionState("public", ConnectionStatus.Connected), 3);

        Assert.That(signals.Current["public"], Is.EqualTo(idle));
    }

    [Test]
    public void States_SubscribedAfterDispose_CompletesAtOnce()
    {
        var signals = new ClientSignals();
        signals.Dispose();
        var completed = 0;

        using var states = signals.States.Subscribe(_ => { }, () => completed++);
        using var errors = signals.Errors.Subscribe(_ => { }, () => completed++);

        Assert.That(completed, Is.EqualTo(2));
    }

    [Test]
    public void States_SubscribeAndDisposeDuringDelivery_LeavesNoObserverBehind()
    {
        using var signals = new ClientSignals();
        using var outer = signals.States.Subscribe(_ =>
        {
            for (var i = 0; i < 100; i++)
            {
                signals.States.Subscribe(_ => { }).Dispose();
            }
        });

        signals.State(new ConnectionState("public", ConnectionStatus.Connecting), 1);

        Assert.That(signals.StateObserverCount, Is.EqualTo(1));
    }

    [Test]
    public void Dispose_OnCompletedThrows_OthersStillCompleteAndDisposeDoesNotThrow()
    {
        var signals = new ClientSignals();
        using var bad = signals.States.Subscribe(_ => { }, () => throw new InvalidOperationException("user"));
        var completed = false;
        using var good = signals.Errors.Subscribe(_ => { }, () => completed = true);

        Assert.That(signals.Dispose, Throws.Nothing);
        Assert.That(completed, Is.True);
    }
}
