using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>Snapshot calls: where the answer comes from, unknown codes, and an unreachable server.</summary>
public sealed class UpbitClientSnapshotSourceTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public void GetTickersAsync_NothingOpen_OneRestRequestAndNoSocket()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();

        var tickers = PumpedRun.Call(scheduler, () => client.GetTickersAsync(["KRW-ETH", "KRW-BTC"])).Result;

        Assert.That(tickers.Select(t => t.Code), Is.EqualTo(new[] { "KRW-ETH", "KRW-BTC" }));
        Assert.That(tickers.Select(t => t.TradePrice), Is.EqualTo(new[] { exchange.Market.Ticker("KRW-ETH").TradePrice, exchange.Market.Ticker("KRW-BTC").TradePrice }));
        Assert.That(exchange.Connections, Is.Empty);
        Assert.That(exchange.RestRequests.Select(r => r.PathAndQuery).Where(p => p.StartsWith("/v1/ticker", StringComparison.Ordinal)), Is.EqualTo(new[] { "/v1/ticker?markets=KRW-ETH,KRW-BTC" }));
    }

    [Test]
    public void GetCandlesAndTradesAsync_NothingOpen_AnsweredOverRestWithTheSocketsRecords()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        PumpedRun.Advance(scheduler, 5 * Second);

        var trades = PumpedRun.Call(scheduler, () => client.GetTradesAsync(["KRW-BTC", "KRW-ETH"])).Result;
        var candles = PumpedRun.Call(scheduler, () => client.GetCandlesAsync(CandleInterval.OneMinute, ["KRW-BTC"])).Result;
        var books = PumpedRun.Call(scheduler, () => client.GetOrderbooksAsync(["KRW-BTC"], units: 5)).Result;

        Assert.That(trades.Select(t => t.Code), Is.EqualTo(new[] { "KRW-BTC", "KRW-ETH" }));
        Assert.That(trades[0].SequentialId, Is.EqualTo(exchange.Market.Trade("KRW-BTC").SequentialId));
        Assert.That((candles.Single().Code, candles.Single().Interval), Is.EqualTo(("KRW-BTC", CandleInterval.OneMinute)));
        Assert.That(books.Single().Units, Has.Length.EqualTo(5));
        Assert.That(exchange.Connections, Is.Empty);
    }

    [Test]
    public void GetTickersAsync_UnknownBesideKnown_FailsNamingItAndCarriesTheKnownAnswers()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();

        var call = PumpedRun.Call(scheduler, () => client.GetTickersAsync(["KRW-BTC", "KRW-NOPE", "KRW-ETH"]));

        var error = Assert.Throws<UnknownMarketCodeException>(() => call.GetAwaiter().GetResult());
        Assert.That(error!.Codes, Is.EqualTo(new[] { "KRW-NOPE" }));
        Assert.That(error.Message, Does.Contain("KRW-NOPE"));
        Assert.That(error.KnownResults.Cast<Ticker>().Select(t => t.Code), Is.EqualTo(new[] { "KRW-BTC", "KRW-ETH" }));
        Assert.That(scheduler.Clock, Is.LessThan(Second.Ticks), "failed at once, not after a snapshot timeout");
    }

    [Test]
    public void GetTickersAsync_OnlyUnknownOverAnOpenSocket_FailsAtOnceWithoutWaiting()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { SnapshotTimeout = TimeSpan.FromSeconds(5) });
        IDisposable? live = null;
        PumpedRun.Advance(scheduler, 2 * Second, () => live = client.Trade("KRW-BTC").Subscribe(_ => { }));
        using var _ = live;
        var start = scheduler.Clock;

        var call = PumpedRun.Call(scheduler, () => client.GetTickersAsync(["KRW-NOPE"]));

        var error = Assert.Throws<UnknownMarketCodeException>(() => call.GetAwaiter().GetResult());
        Assert.That((error!.Codes.Single(), error.KnownResults.Count), Is.EqualTo(("KRW-NOPE", 0)));
        Assert.That(scheduler.Clock - start, Is.LessThan(Second.Ticks));
    }

    [Test]
    public void GetTickersAsync_SocketOpen_CodeNotLiveRidesTheSocketNotRest()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        IDisposable? live = null;
        PumpedRun.Advance(scheduler, 2 * Second, () => live = client.Trade("KRW-BTC").Subscribe(_ => { }));
        using var _ = live;

        var tickers = PumpedRun.Call(scheduler, () => client.GetTickersAsync(["KRW-ETH"])).Result;

        Assert.That((tickers.Single().Code, tickers.Single().StreamType), Is.EqualTo(("KRW-ETH", StreamType.Snapshot)));
        Assert.That(tickers.Single().AccAskVolume, Is.Not.Null, "the socket's full record, not REST's");
        Assert.That(exchange.RestRequests.Where(r => r.PathAndQuery.StartsWith("/v1/ticker", StringComparison.Ordinal)), Is.Empty);
        Assert.That(WireRequests.Last(exchange), Does.Contain("ticker KRW-ETH snapshot-only"));
    }

    [Test]
    public void GetTickersAsync_ServerUnreachable_FailsWithTheConnectionErrorNotATimeout()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        exchange.RefuseNextConnections(100);
        exchange.InjectRestFault(RestFault.Refuse(), count: 100);
        using var client = exchange.CreateClient(new UpbitClientOptions { SnapshotTimeout = TimeSpan.FromSeconds(3) });
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);

        var call = PumpedRun.Call(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));

        Assert.That(() => call.GetAwaiter().GetResult(), Throws.InstanceOf<HttpRequestException>());
        Assert.That(scheduler.Clock, Is.LessThan(Second.Ticks), "at once, not after the snapshot timeout");
        Assert.That(errors.Select(e => e.Kind), Is.EqualTo(new[] { UpbitErrorKind.MarketListUnavailable }));
    }

    [Test]
    public void GetTickersAsync_ValidationOffAndSocketOpen_UnknownCodeStillTimesOut()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { ValidateCodes = false, SnapshotTimeout = TimeSpan.FromSeconds(5) });
        IDisposable? live = null;
        PumpedRun.Advance(scheduler, 2 * Second, () => live = client.Trade("KRW-BTC").Subscribe(_ => { }));
        using var _ = live;

        var call = PumpedRun.Call(scheduler, () => client.GetTickersAsync(["KRW-NOPE"]));

        var error = Assert.Throws<TimeoutException>(() => call.GetAwaiter().GetResult());
        Assert.That(error!.Message, Does.Contain("KRW-NOPE").And.Contain("5 s"));
        Assert.That(exchange.RestRequests, Is.Empty);
    }
}
