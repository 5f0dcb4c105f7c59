using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Connection;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>Law 5 (transient trouble is state, not an error) and the connection's life, in virtual time.</summary>
public sealed class UpbitClientRecoveryTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void Drop_ConnectionLost_ReconnectsAfterBackoffAndResendsUnionStreamGoesOn()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var options = new UpbitClientOptions { RandomSeed = 7 };
        using var client = exchange.CreateClient(options);
        var states = new List<ConnectionState>();
        using var watch = client.ConnectionStates.Subscribe(states.Add);
        var trades = new List<Trade>();
        using var sub = client.Trade("KRW-BTC").Subscribe(trades.Add);
        scheduler.AdvanceBy(3 * Second);

        exchange.Drop(exchange.Connections[0].Id);
        var droppedAt = scheduler.Clock;
        var before = trades.Count;
        scheduler.AdvanceBy(10 * Second);

        var expectedDelay = Backoff.Delay(options.Reconnect, 1, new Random(7));
        var reconnecting = states.Single(s => s.Status == ConnectionStatus.Reconnecting);
        Assert.That((reconnecting.Attempt, reconnecting.Delay), Is.EqualTo((1, expectedDelay)));
        Assert.That(exchange.Connections, Has.Count.EqualTo(2));
        // NB: the in-memory host spends a tick per hop (drop, connect, upgrade), so allow a few ticks over the delay.
        Assert.That(exchange.Connections[1].OpenedAt - droppedAt, Is.InRange(expectedDelay.Ticks, expectedDelay.Ticks + 10));
        Assert.That(WireRequests.Subscriptions(exchange)[^1].ConnectionId, Is.EqualTo(exchange.Connections[1].Id));
        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "trade KRW-BTC" }));
        Assert.That(trades.Count, Is.GreaterThan(before));
        Assert.That(trades.Select(t => t.SequentialId).Distinct().Count(), Is.EqualTo(trades.Count), "no trade twice across the reconnect");
        Assert.That(states.Where(s => s.Endpoint == "public").Select(s => s.Status), Is.EqualTo(new[]
        {
            ConnectionStatus.Connecting, ConnectionStatus.Connected,
            ConnectionStatus.Reconnecting, ConnectionStatus.Connecting, ConnectionStatus.Connected,
        }));
    }

    [Test]
    public void Drop_Repeatedly_DelaysGrowByBackoffAndResetAfterSuccess()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        // NB: no REST fallback, whose own state (flagged IsRestFallback) would repeat the pending Reconnecting.
        var options = new UpbitClientOptions { RandomSeed = 3, Reconnect = new BackoffOptions { Jitter = BackoffJitter.None }, FallbackAfter = null };
        using var client = exchange.CreateClient(options);
        var states = new List<ConnectionState>();
        using var watch = client.ConnectionStates.Subscribe(states.Add);
        using var sub = client.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);

        exchange.RefuseNextConnections(2);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(20 * Second);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(20 * Second);

        var delays = states.Where(s => s.Status == ConnectionStatus.Reconnecting).Select(s => (s.Attempt, s.Delay.TotalSeconds));
        Assert.That(delays, Is.EqualTo(new[] { (1, 1.0), (2, 2.0), (3, 4.0), (1, 1.0) }));
        Assert.That(states[^1].Status, Is.EqualTo(ConnectionStatus.Connected));
    }

    [Test]
    public void Stall_NoFramesForIdleTimeout_DropsAndReconnects()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { IdleTimeout = TimeSpan.FromSeconds(30) });
        var errors = new List<UpbitError>();
        using var watchErrors = client.Errors.Subscribe(errors.Add);
        using var sub = client.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);

        exchange.Stall(exchange.Connections[0].Id);
        scheduler.AdvanceBy(29 * Second);
        var stillOne = exchange.Connections.Count;
        scheduler.AdvanceBy(5 * Second);

        Assert.That(stillOne, Is.EqualTo(1));
        Assert.That(exchange.Connections, Has.Count.EqualTo(2));
        Assert.That(errors.Single().Message, Does.Contain("stalled"));
    }

    [Test]
    public void KeepAlive_QuietUnion_PingKeepsServerIdleCloseAway()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        using var sub = client.Ticker("KRW-BTC").Subscribe(_ => { });

        scheduler.AdvanceBy(600 * Second);

        Assert.That(exchange.Connections, Has.Count.EqualTo(1));
        Assert.That(exchange.Requests.Any(r => r.Text == "PING"), Is.True);
    }

    [Test]
    public void Linger_SubscriberReturnsWithinLinger_ReusesTheSocket()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { Linger = TimeSpan.FromSeconds(5) });

        client.Ticker("KRW-BTC").Subscribe(_ => { }).Dispose();
        scheduler.AdvanceBy(1 * Second);
        client.Ticker("KRW-BTC").Subscribe(_ => { }).Dispose();
        scheduler.AdvanceBy(3 * Second);
        var third = new List<Ticker>();
        using var sub = client.Ticker("KRW-ETH").Subscribe(third.Add);
        scheduler.AdvanceBy(10 * Second);

        Assert.That(third.Select(t => t.StreamType).FirstOrDefault(), Is.EqualTo(StreamType.Snapshot));
        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "ticker KRW-ETH" }));

        Assert.That(exchange.Connections, Has.Count.EqualTo(1));
        Assert.That(exchange.Connections[0].IsOpen, Is.True);
    }

    [Test]
    public void Linger_Expires_SocketClosedAndStateDisconnected()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { Linger = TimeSpan.FromSeconds(5) });
        var states = new List<ConnectionState>();
        using var watch = client.ConnectionStates.Subscribe(states.Add);

        client.Ticker("KRW-BTC").Subscribe(_ => { }).Dispose();
        scheduler.AdvanceBy(4 * Second);
        var openAt4 = exchange.Connections[0].IsOpen;
        scheduler.AdvanceBy(2 * Second);

        Assert.That((openAt4, exchange.Connections[0].IsOpen), Is.EqualTo((true, false)));
        Assert.That(states.Where(s => s.Endpoint == "public").Select(s => s.Status).Last(), Is.EqualTo(ConnectionStatus.Disconnected));
    }

    [Test]
    public void GiveUp_ThenNewSubscriber_GetsTheFullRetryBudgetAgain()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var options = new UpbitClientOptions { Reconnect = new BackoffOptions { MaxRetryAttempts = 2, Jitter = BackoffJitter.None } };
        using var client = exchange.CreateClient(options);
        exchange.RefuseNextConnections(3);
        Exception? firstError = null;
        using var a = client.Ticker("KRW-BTC").Subscribe(_ => { }, e => firstError = e);
        scheduler.AdvanceBy(30 * Second);

        exchange.RefuseNextConnections(1);
        Exception? secondError = null;
        var got = 0;
        using var b = client.Ticker("KRW-ETH").Subscribe(_ => got++, e => secondError = e);
        scheduler.AdvanceBy(30 * Second);

        Assert.That((firstError as UpbitException)?.ClientCondition, Is.EqualTo(UpbitClientCondition.ConnectionFailed));
        Assert.That(firstError!.Message, Does.Contain("gave up after 3 failed attempts"));
        Assert.That(secondError, Is.Null, "a single refusal is retried, not given up at once");
        Assert.That(got, Is.GreaterThan(0));
    }

    [Test]
    public void Retry_SnapshotWhileTheSocketIsRefused_AnsweredOverRestAndOpensNoSocket()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        exchange.RefuseNextConnections(1);
        using var client = exchange.CreateClient(new UpbitClientOptions
        {
            SnapshotTimeout = TimeSpan.FromSeconds(1),
            Reconnect = new BackoffOptions { InitialDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(5), Jitter = BackoffJitter.None },
        });
        var states = new List<string>();
        using var watch = client.ConnectionStates.Where(s => s.Endpoint == "public").Subscribe(s => states.Add(s.ToString()));

        // NB: a snapshot call no longer connects a socket that is not open: REST answers it, so nothing is left to retry.
        var tickers = PumpedRun.Call(scheduler, () => client.GetTickersAsync(["KRW-BTC"])).Result;
        PumpedRun.Advance(scheduler, TimeSpan.FromSeconds(10));

        Assert.That(tickers.Single().Code, Is.EqualTo("KRW-BTC"));
        Assert.That(states, Is.Empty);
        Assert.That(exchange.Connections, Is.Empty);
    }

    [Test]
    public void GiveUp_ResubscribeFromOnError_ConnectsAgain()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        exchange.RefuseNextConnections(1);
        using var client = exchange.CreateClient(new UpbitClientOptions { Reconnect = new BackoffOptions { MaxRetryAttempts = 0 } });
        var got = new List<Ticker>();
        IDisposable? again = null;
        using var first = client.Ticker("KRW-BTC").Subscribe(got.Add, _ => again = client.Ticker("KRW-BTC").Subscribe(got.Add));

        scheduler.AdvanceBy(30 * Second);

        Assert.That(again, Is.Not.Null, "gave up once");
        Assert.That(got, Is.Not.Empty, "the new subscriber connects again and gets data");
        again!.Dispose();
    }
}
