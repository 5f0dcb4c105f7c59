using NUnit.Framework;
using Upbit.Rx.Connection;

namespace Upbit.Rx.Tests.Connection;

public sealed class ClientSignalsTests
{
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
}
