using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Client;

/// <summary><see cref="UpbitClient.ConnectionStates"/> names an endpoint only once it is used.</summary>
public sealed class UpbitClientConnectionStatesTests
{
    [Test]
    public void ConnectionStates_NothingSubscribed_ReplaysNothing()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var states = new List<string>();

        using var watch = client.ConnectionStates.Subscribe(s => states.Add(s.ToString()));
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);

        Assert.That(states, Is.Empty);
        Assert.That(client.GetHealth().Connections.Values.Select(c => c.Status), Is.All.EqualTo(ConnectionStatus.Disconnected));
    }

    [Test]
    public void ConnectionStates_OnlyPublicStreamsUsed_NeverNamesPrivate()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var states = new List<string>();
        using var watch = client.ConnectionStates.Subscribe(s => states.Add(s.ToString()));

        using (client.Ticker("KRW-BTC").Subscribe(_ => { }))
        {
            scheduler.AdvanceBy(TimeSpan.FromSeconds(2).Ticks);
        }

        scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);
        var late = new List<string>();
        using var lateWatch = client.ConnectionStates.Subscribe(s => late.Add(s.ToString()));
        scheduler.AdvanceBy(1);

        Assert.That(states, Has.Count.GreaterThanOrEqualTo(2).And.All.StartsWith("public: "));
        Assert.That(states[..2], Is.EqualTo(new[] { "public: Connecting", "public: Connected" }));
        Assert.That(late, Is.EqualTo(new[] { states[^1] }), "a late subscriber gets the used endpoint's current state only");
    }

    [Test]
    public void ConnectionStates_PrivateStreamUsed_NamesPrivateFromThen()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var states = new List<string>();
        using var watch = client.ConnectionStates.Subscribe(s => states.Add(s.ToString()));

        using var assets = client.MyAsset().Subscribe(_ => { });
        scheduler.AdvanceBy(TimeSpan.FromSeconds(2).Ticks);

        Assert.That(states, Is.EqualTo(new[] { "private: Connecting", "private: Connected" }));
    }
}
