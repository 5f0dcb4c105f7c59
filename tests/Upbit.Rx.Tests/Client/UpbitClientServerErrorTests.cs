using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Client;

/// <summary>Error frames, classified by name: transient ones replace the connection, permanent ones fail only what they concern.</summary>
public sealed class UpbitClientServerErrorTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [TestCase("TOO_MANY_REQUESTS")]
    [TestCase("SOMETHING_NEW")]
    public void TransientErrorFrame_StreamsKeepDeliveringAfterReconnectWithUnionResent(string name)
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { RandomSeed = 5 });
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var tickers = new Recorder<Ticker>();
        var trades = new Recorder<Trade>();
        using var t = client.Ticker("KRW-BTC").Subscribe(tickers);
        using var d = client.Trade("KRW-ETH").Subscribe(trades);
        scheduler.AdvanceBy(3 * Second);

        exchange.SendError(exchange.Connections[0].Id, name, "요청 수가 너무 많습니다.");
        scheduler.AdvanceBy(1);
        var (tickersBefore, tradesBefore) = (tickers.Values.Count, trades.Values.Count);
        scheduler.AdvanceBy(70 * Second);

        Assert.That((tickers.Error, trades.Error, tickers.Completed, trades.Completed), Is.EqualTo(((Exception?)null, (Exception?)null, false, false)));
        Assert.That(exchange.Connections, Has.Count.EqualTo(2));
        Assert.That(exchange.Connections[0].IsOpen, Is.False);
        Assert.That(WireRequests.Subscriptions(exchange)[^1].ConnectionId, Is.EqualTo(exchange.Connections[1].Id));
        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "ticker KRW-BTC", "trade KRW-ETH" }));
        Assert.That((tickers.Values.Count > tickersBefore, trades.Values.Count > tradesBefore), Is.EqualTo((true, true)));
        var reported = errors.Single(e => e.Kind == UpbitErrorKind.ServerError).Exception as UpbitException;
        Assert.That((reported?.ServerErrorName, reported?.IsTransient), Is.EqualTo(((string?)name, (bool?)true)));
        var health = client.GetHealth();
        Assert.That((health.ServerErrors, health.Reconnects), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public void TransientErrorFrame_KeepsComingBeforeAnyData_BackoffGrowsThenGivesUpAtMaxAttempts()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var reconnect = new BackoffOptions { Jitter = BackoffJitter.None, MaxRetryAttempts = 3 };
        using var client = exchange.CreateClient(new UpbitClientOptions { Reconnect = reconnect });
        using var rejecting = exchange.ConnectionChanged.Where(c => c.IsOpen).Subscribe(c => exchange.SendError(c.Id, "TOO_MANY_REQUESTS", "busy"));
        var states = new List<ConnectionState>();
        using var watch = client.ConnectionStates.Where(s => s.Endpoint == "public").Subscribe(states.Add);
        var tickers = new Recorder<Ticker>();
        using var t = client.Ticker("KRW-BTC").Subscribe(tickers);

        scheduler.AdvanceBy(60 * Second);

        var delays = states.Where(s => s.Status == ConnectionStatus.Reconnecting).Select(s => (s.Attempt, s.Delay.TotalSeconds));
        Assert.That(delays, Is.EqualTo(new[] { (1, 1.0), (2, 2.0), (3, 4.0) }));
        Assert.That(exchange.Connections, Has.Count.EqualTo(4));
        var failure = tickers.Error as UpbitException;
        Assert.That((failure?.ClientCondition, (failure?.InnerException as UpbitException)?.ServerErrorName), Is.EqualTo(((UpbitClientCondition?)UpbitClientCondition.ConnectionFailed, "TOO_MANY_REQUESTS")));
    }

    [Test]
    public void InvalidAuth_OnPrivateEndpoint_FailsPrivateStreamsOnlyPublicGoesOn()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var tickers = new Recorder<Ticker>();
        var orders = new Recorder<MyOrder>();
        var assets = new Recorder<MyAsset>();
        using var t = client.Ticker("KRW-BTC").Subscribe(tickers);
        using var o = client.MyOrder("KRW-BTC").Subscribe(orders);
        using var a = client.MyAsset().Subscribe(assets);
        scheduler.AdvanceBy(3 * Second);
        var privateId = exchange.Connections.Single(c => c.Path == ConnectionRecord.PrivatePath).Id;

        exchange.SendError(privateId, "INVALID_AUTH", "인증 정보가 올바르지 않습니다.");
        scheduler.AdvanceBy(1);
        var before = tickers.Values.Count;
        scheduler.AdvanceBy(10 * Second);

        Assert.That(((orders.Error as UpbitException)?.ServerErrorName, (assets.Error as UpbitException)?.IsTransient), Is.EqualTo(("INVALID_AUTH", (bool?)false)));
        Assert.That((tickers.Error, tickers.Values.Count > before), Is.EqualTo(((Exception?)null, true)));
        Assert.That(exchange.Connections.Count(c => c.Path == ConnectionRecord.PublicPath), Is.EqualTo(1), "the public connection was not touched");
    }

    [TestCase("trade 은 지원하지 않는 타입입니다.")]
    [TestCase("type trade is not supported.")]
    public void InvalidParam_NamingOneType_FailsThatTypeOnlyOthersResumeAfterUpbitsClose(string message)
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var tickers = new Recorder<Ticker>();
        var trades = new Recorder<Trade>();
        using var t = client.Ticker("KRW-BTC").Subscribe(tickers);
        using var d = client.Trade("KRW-BTC").Subscribe(trades);
        scheduler.AdvanceBy(3 * Second);

        exchange.SendError(exchange.Connections[0].Id, "INVALID_PARAM", message);
        scheduler.AdvanceBy(1);
        var before = tickers.Values.Count;
        scheduler.AdvanceBy(10 * Second);

        Assert.That((trades.Error as UpbitException)?.ServerErrorName, Is.EqualTo("INVALID_PARAM"));
        Assert.That((tickers.Error, tickers.Values.Count > before), Is.EqualTo(((Exception?)null, true)));
        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "ticker KRW-BTC" }));
    }

    [Test]
    public void InvalidParam_TypeNotTold_FailsEveryStreamOfTheEndpoint()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var tickers = new Recorder<Ticker>();
        var trades = new Recorder<Trade>();
        var orders = new Recorder<MyOrder>();
        using var t = client.Ticker("KRW-BTC").Subscribe(tickers);
        using var d = client.Trade("KRW-BTC").Subscribe(trades);
        using var o = client.MyOrder().Subscribe(orders);
        scheduler.AdvanceBy(3 * Second);

        exchange.SendError(exchange.Connections.Single(c => c.Path == ConnectionRecord.PublicPath).Id, "INVALID_PARAM", "잘못된 파라미터");
        scheduler.AdvanceBy(2 * Second);
        exchange.Publish(PrivateMessages.Order("KRW-BTC", "order-1"));
        scheduler.AdvanceBy(Second);

        Assert.That((tickers.Error is UpbitException, trades.Error is UpbitException), Is.EqualTo((true, true)));
        Assert.That((orders.Error, orders.Values.Select(x => x.Uuid)), Is.EqualTo(((Exception?)null, new[] { "order-1" })));
    }
}
