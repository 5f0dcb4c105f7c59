using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Docs;

/// <summary>The virtual-time examples of docs/testing.md, compiled and run.</summary>
public sealed class TestingDocExamples
{
    [Test]
    public void Bot_ExchangeDropsTheSocket_ReconnectsAndNoTradeTwice()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = new MarketSimulatorOptions { Codes = ["KRW-BTC", "KRW-ETH"], Seed = 42 },
        });
        using var client = exchange.CreateClient();
        var trades = new List<Trade>();
        using var subscription = client.Trade("KRW-BTC").Subscribe(trades.Add);

        scheduler.AdvanceBy(TimeSpan.FromSeconds(5).Ticks);
        exchange.Drop(exchange.Connections[^1].Id);          // abrupt: no close frame, as a network failure
        scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);

        Assert.That(exchange.Connections.Select(c => c.CloseCode), Is.EqualTo(new int?[] { 1006, null }));
        Assert.That(exchange.Requests[^1].Text, Does.Contain("\"KRW-BTC\""));   // the union was sent again
        Assert.That(trades.Select(t => t.SequentialId), Is.Unique);
        Assert.That(trades[^1].Timestamp, Is.GreaterThan(trades[0].Timestamp));
    }

    [Test]
    public void Bot_StalledServer_ClientNoticesAndReconnects()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        using var subscription = client.Ticker("KRW-XRP").Subscribe(_ => { });
        scheduler.AdvanceBy(TimeSpan.FromSeconds(2).Ticks);

        exchange.Stall(exchange.Connections[^1].Id);          // open socket, but no data and no UP any more
        scheduler.AdvanceBy(TimeSpan.FromMinutes(2).Ticks);

        Assert.That(exchange.Connections, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(exchange.Connections[^1].IsOpen, Is.True);
    }

    [Test]
    public void Rest_InMemoryWithLatency_AnsweredWhenTheClockAdvances()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, RestLatency = TimeSpan.FromMilliseconds(50) });
        using var http = exchange.CreateHttpClient();                       // base address https://fake-upbit.invalid/

        var answer = http.GetAsync(new Uri("/v1/trades/ticks?market=KRW-BTC&count=5", UriKind.Relative));
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(50).Ticks);             // the answer arrives on the virtual clock
        using var response = answer.Result;

        Assert.That(response.Headers.GetValues("Remaining-Req").Single(), Is.EqualTo("group=crix-trades; min=600; sec=9"));
        Assert.That(exchange.RestRequests[^1].PathAndQuery, Is.EqualTo("/v1/trades/ticks?market=KRW-BTC&count=5"));
    }

    [Test]
    public void Rest_PacedClientCall_EndsInsideTheAdvanceThatFreesItsSlot()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var rest = new UpbitRestClient(exchange.CreateHttpClient(), new UpbitRestOptions { Scheduler = scheduler });

        var calls = Enumerable.Range(0, 11).Select(_ => rest.GetTickersAsync(["KRW-BTC"])).ToList();   // 10 a second: the 11th waits
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1099).Ticks);
        var early = calls[10].IsCompleted;
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1).Ticks);                                      // its slot: 1 s plus the 100 ms margin

        Assert.That((early, calls[10].IsCompletedSuccessfully), Is.EqualTo((false, true)));
        Assert.That(calls[10].Result[0].Code, Is.EqualTo("KRW-BTC"));
    }

    [Test]
    [CancelAfter(30_000)]
    public void Start_MarketWithHorizon_ReturnsWithTheSubscriptionsValues()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = new MarketSimulatorOptions { Horizon = TimeSpan.FromMinutes(1) },   // no market ticks after one minute
        });
        using var upbit = exchange.CreateClient();

        var observer = scheduler.Start(() => upbit.Ticker("KRW-BTC"),
            created: 0, subscribed: 0, disposed: TimeSpan.FromSeconds(10).Ticks);   // returns once no work is left

        var tickers = observer.Messages.Select(m => m.Value.Value).ToList();
        Assert.That(tickers[0].StreamType, Is.EqualTo(StreamType.Snapshot));
        Assert.That(tickers.Skip(1).Select(t => t.StreamType), Is.All.EqualTo(StreamType.Realtime));
        Assert.That(tickers, Has.Count.EqualTo(20));                             // the snapshot, then one per 500 ms tick
        Assert.That(observer.Messages[^1].Time, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(10).Ticks));
    }

    [Test]
    public void AdvanceTo_MarketWithoutHorizon_RunsExactlyTheGivenVirtualTime()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });   // ticks forever
        using var upbit = exchange.CreateClient();
        var observer = scheduler.CreateObserver<Ticker>();
        using var subscription = upbit.Ticker("KRW-BTC").Subscribe(observer);

        scheduler.AdvanceTo(TimeSpan.FromSeconds(10).Ticks);                       // everything due up to 10 s, then stop
        var first = observer.Messages.Count;
        scheduler.AdvanceBy(TimeSpan.FromSeconds(5).Ticks);                        // and five seconds more

        Assert.That((first, observer.Messages.Count), Is.EqualTo((20, 30)));
        Assert.That(observer.Messages[^1].Time, Is.InRange(TimeSpan.FromSeconds(14).Ticks, TimeSpan.FromSeconds(15).Ticks));
    }
}
