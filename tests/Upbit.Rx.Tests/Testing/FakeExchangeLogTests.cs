using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing;

/// <summary>The exchange's observation logs are rings of <see cref="FakeExchangeOptions.LogLimit"/>, so a long-running
/// server keeps flat memory, while the hot streams still see everything.</summary>
public sealed class FakeExchangeLogTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void Logs_PastLogLimit_KeepOnlyTheLastEntriesWhileTheStreamsSeeAll()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, LogLimit = 2 });
        var changes = new List<ConnectionRecord>();
        var requests = new List<ReceivedRequest>();
        using var watchConnections = exchange.ConnectionChanged.Subscribe(changes.Add);
        using var watchRequests = exchange.RequestReceived.Subscribe(requests.Add);
        using var client = exchange.CreateClient();
        using var tickers = client.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);

        for (var i = 0; i < 3; i++)
        {
            exchange.Drop(exchange.Connections[^1].Id);
            scheduler.AdvanceBy(30 * Second);
        }

        Assert.That(exchange.Connections.Select(c => (c.Id, c.CloseCode)), Is.EqualTo(new[] { (3, (int?)1006), (4, (int?)null) }));
        Assert.That(exchange.Upgrades, Has.Count.EqualTo(2));
        Assert.That(requests, Has.Count.GreaterThan(2));
        Assert.That(exchange.Requests, Is.EqualTo(requests.TakeLast(2)));
        Assert.That((changes.Count(c => c.IsOpen), changes.Count(c => !c.IsOpen)), Is.EqualTo((4, 3)));
    }

    [Test]
    public void Close_OfAConnectionTheRingForgot_IsStillReportedOnTheStream()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, LogLimit = 1 });
        var closed = new List<ConnectionRecord>();
        using var watch = exchange.ConnectionChanged.Where(c => !c.IsOpen).Subscribe(closed.Add);
        using var client = exchange.CreateClient(new UpbitClientOptions { FallbackAfter = null });
        using var tickers = client.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);
        using var assets = client.MyAsset().Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);

        exchange.Drop(1);
        scheduler.AdvanceBy(1);

        Assert.That(exchange.Connections.Select(c => c.Id), Is.EqualTo(new[] { 2 }));
        Assert.That(closed.Select(c => (c.Id, c.CloseCode)), Is.EqualTo(new[] { (1, (int?)1006) }));
    }

    [Test]
    public void Options_NonPositiveLogLimit_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new FakeUpbitExchange(new FakeExchangeOptions { LogLimit = 0 }));

        Assert.That(error!.Message, Does.Contain("LogLimit"));
    }
}
