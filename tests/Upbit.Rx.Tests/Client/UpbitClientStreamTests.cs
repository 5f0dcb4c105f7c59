using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Client;

/// <summary>Every stream kind and wire format end to end through the in-memory fake exchange.</summary>
public sealed class UpbitClientStreamTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [TestCase(WireFormat.Simple)]
    [TestCase(WireFormat.JsonList)]
    [TestCase(WireFormat.SimpleList)]
    public void Format_NonDefault_DecodesToTheSameRecordsAsDefault(WireFormat format)
    {
        Assert.That(Run(format), Is.EqualTo(Run(WireFormat.Default)));

        static List<UpbitMessage> Run(WireFormat format)
        {
            var scheduler = new TestScheduler();
            using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
            using var client = exchange.CreateClient(new UpbitClientOptions { Format = format });
            var seen = new List<UpbitMessage>();
            using var a = client.Ticker("KRW-BTC").Subscribe(seen.Add);
            using var b = client.Trade("KRW-ETH").Subscribe(seen.Add);
            using var c = client.Orderbook(5, 0m, "KRW-XRP").Subscribe(seen.Add);
            scheduler.AdvanceBy(5 * Second);
            Assert.That(seen, Has.Count.GreaterThan(10));
            return seen;
        }
    }

    [Test]
    public void Orderbook_FiveUnitsAtSupportedLevel_RequestAndBooksMatch()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var level = exchange.Market.SupportedLevels("KRW-BTC").First(l => l > 0);
        var books = new List<Orderbook>();

        using var sub = client.Orderbook(5, level, "KRW-BTC").Subscribe(books.Add);
        scheduler.AdvanceBy(3 * Second);

        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { $"orderbook KRW-BTC.5 level={level}" }));
        Assert.That(books, Has.Count.GreaterThan(2));
        Assert.That(books.Select(b => (b.Code, b.Units.Length, b.Level)).Distinct(), Is.EqualTo(new[] { ("KRW-BTC", 5, (decimal?)level) }));
        Assert.That(books.All(b => b.Units.All(u => u.AskPrice % level == 0 && u.BidPrice % level == 0)), Is.True);
    }

    [Test]
    public void Orderbook_DeeperSubscriberJoins_WireDepthGrowsAndEachGetsItsDepth()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var shallow = new List<Orderbook>();
        var deep = new List<Orderbook>();

        using var a = client.Orderbook(1, 0m, "KRW-ETH").Subscribe(shallow.Add);
        scheduler.AdvanceBy(2 * Second);
        using var b = client.Orderbook(15, 0m, "KRW-ETH").Subscribe(deep.Add);
        scheduler.AdvanceBy(2 * Second);

        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "orderbook KRW-ETH.15" }));
        Assert.That(shallow.Select(x => x.Units.Length).Distinct(), Is.EqualTo(new[] { 1 }));
        // NB: until the wider request takes effect the deeper subscriber may see the shallower books (documented).
        Assert.That(deep[^1].Units, Has.Length.EqualTo(15));
        Assert.That(deep.SkipWhile(x => x.Units.Length < 15).Select(x => x.Units.Length).Distinct(), Is.EqualTo(new[] { 15 }));
    }

    [Test]
    public void Candle_OneMinute_ValuesCarryIntervalAndWindowStart()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var candles = new List<Candle>();

        using var sub = client.Candle(CandleInterval.OneMinute, "KRW-BTC").Subscribe(candles.Add);
        scheduler.AdvanceBy(130 * Second);

        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "candle.1m KRW-BTC" }));
        Assert.That(candles.Select(c => c.Interval).Distinct(), Is.EqualTo(new[] { CandleInterval.OneMinute }));
        Assert.That(candles.Select(c => c.CandleDateTimeUtc).Distinct().Count(), Is.GreaterThanOrEqualTo(2));
        Assert.That(candles.All(c => c.CandleDateTimeUtc.EndsWith(":00", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void MyOrderAndMyAsset_ValidKeys_EventsArriveOnOnePrivateConnection()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var orders = new List<MyOrder>();
        var assets = new List<MyAsset>();
        using var o = client.MyOrder().Subscribe(orders.Add);
        using var a = client.MyAsset().Subscribe(assets.Add);
        scheduler.AdvanceBy(2 * Second);

        exchange.Publish(PrivateMessages.Order("KRW-BTC", "order-KRW-BTC"));
        exchange.Publish(new MyAsset { AssetUuid = "a-1", Assets = [new MyAssetBalance { Currency = "KRW", Balance = 1386929.37231066771348207123m, Locked = 0m }], AssetTimestamp = 1, Timestamp = 2, StreamType = StreamType.Realtime });
        scheduler.AdvanceBy(2 * Second);

        Assert.That(orders.Select(x => x.Uuid), Is.EqualTo(new[] { "order-KRW-BTC" }));
        Assert.That(assets.Single().Assets[0].Balance, Is.EqualTo(1386929.37231066771348207123m));
        Assert.That(exchange.Connections.Select(c => c.Path), Is.EqualTo(new[] { ConnectionRecord.PrivatePath }));
        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "myAsset *", "myOrder *" }));
    }

    [Test]
    public void MyOrder_WrongSecret_StreamFailsWithInvalidAuth()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { Credentials = new UpbitCredentials(exchange.Options.AccessKey, "wrong-secret") });
        Exception? failure = null;

        using var o = client.MyOrder("KRW-BTC").Subscribe(_ => { }, e => failure = e);
        scheduler.AdvanceBy(3 * Second);

        Assert.That((failure as UpbitException)?.ServerErrorName, Is.EqualTo("INVALID_AUTH"));
        Assert.That(failure!.Message, Does.Not.Contain("wrong-secret"));
    }
}
