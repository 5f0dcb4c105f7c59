using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Gateway;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Gateway;

/// <summary>The gateway in virtual time: the fake exchange upstream, downstream clients in memory, one scheduler.</summary>
public sealed class UpbitGatewayTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public async Task Gateway_ThreeKindsOfClients_EachGetsSnapshotsAndDataOverOneUpstreamConnectionWithinLimits()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upstream = exchange.CreateClient();
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { Scheduler = scheduler });
        using var ours = Downstream(gateway, scheduler);
        var tickers = new List<Ticker>();
        var trades = new List<Trade>();
        using var tickerSubscription = ours.Ticker("KRW-BTC").Subscribe(tickers.Add);
        using var tradeSubscription = ours.Trade("KRW-ETH").Subscribe(trades.Add);
        using var growing = new RawDownstream(gateway.Transport);
        using var perCallBook = new RawDownstream(gateway.Transport);
        using var perCallTrade = new RawDownstream(gateway.Transport);

        scheduler.AdvanceBy(Second);
        growing.Send("""[{"ticket":"g"},{"type":"ticker","codes":["KRW-XRP"]}]""");
        perCallBook.Send("""[{"ticket":"a"},{"type":"orderbook","codes":["KRW-BTC.5"]}]""");
        perCallTrade.Send("""[{"ticket":"b"},{"type":"trade","codes":["KRW-BTC"]}]""");
        scheduler.AdvanceBy(Second);
        growing.Send("""[{"ticket":"g"},{"type":"ticker","codes":["KRW-XRP"]},{"type":"trade","codes":["KRW-XRP","KRW-BTC"]}]""");
        scheduler.AdvanceBy(10 * Second);

        Assert.That(FirstAndCount(tickers.Select(t => t.StreamType)), Is.EqualTo((StreamType.Snapshot, true)));
        Assert.That(FirstAndCount(trades.Select(t => t.StreamType)), Is.EqualTo((StreamType.Snapshot, true)));
        Assert.That(FirstAndCount(growing.Of<Ticker>("KRW-XRP").Select(t => t.StreamType)), Is.EqualTo((StreamType.Snapshot, true)));
        Assert.That(growing.Of<Trade>("KRW-XRP").Any() && growing.Of<Trade>("KRW-BTC").Any(), Is.True);
        Assert.That(FirstAndCount(perCallBook.Of<Orderbook>("KRW-BTC").Select(b => b.StreamType)), Is.EqualTo((StreamType.Snapshot, true)));
        Assert.That(perCallBook.Of<Orderbook>("KRW-BTC").All(b => b.Units.Length == 5), Is.True, "each client gets the depth it asked for");
        Assert.That(FirstAndCount(perCallTrade.Of<Trade>("KRW-BTC").Select(t => t.StreamType)), Is.EqualTo((StreamType.Snapshot, true)));
        Assert.That(exchange.Connections.Count, Is.EqualTo(1), "one upstream connection");
        Assert.That(UpstreamUnion(exchange), Is.EqualTo(new[]
        {
            "orderbook KRW-BTC", "ticker KRW-BTC", "ticker KRW-XRP", "trade KRW-BTC", "trade KRW-ETH", "trade KRW-XRP",
        }));
        Assert.That(MostRequestsInOneSecond(exchange), Is.LessThanOrEqualTo(5));
    }

    [Test]
    public async Task Gateway_SecondClientOfLiveKey_GetsSnapshotFromCacheWithoutUpstreamRequest()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upstream = exchange.CreateClient();
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { Scheduler = scheduler });
        using var first = new RawDownstream(gateway.Transport);
        using var second = new RawDownstream(gateway.Transport);
        scheduler.AdvanceBy(1);
        first.Send("""[{"ticket":"1"},{"type":"ticker","codes":["KRW-BTC"]}]""");
        scheduler.AdvanceBy(3 * Second);
        var upstreamRequests = WireRequests.Subscriptions(exchange).Count;

        second.Send("""[{"ticket":"2"},{"type":"ticker","codes":["KRW-BTC"]}]""");
        scheduler.AdvanceBy(1);

        Assert.That(second.Of<Ticker>("KRW-BTC").Select(t => t.StreamType).FirstOrDefault(), Is.EqualTo(StreamType.Snapshot), "answered at once");
        scheduler.AdvanceBy(3 * Second);
        Assert.That(WireRequests.Subscriptions(exchange).Count, Is.EqualTo(upstreamRequests));
    }

    [Test]
    public async Task Gateway_ClientsLeave_UpstreamUnionShrinksAfterLinger()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upstream = exchange.CreateClient(new UpbitClientOptions { Linger = TimeSpan.FromSeconds(2) });
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { Scheduler = scheduler });
        using var stays = new RawDownstream(gateway.Transport);
        var leaves = new RawDownstream(gateway.Transport);
        var replaces = new RawDownstream(gateway.Transport);
        scheduler.AdvanceBy(1);
        stays.Send("""[{"ticket":"s"},{"type":"ticker","codes":["KRW-BTC"]}]""");
        leaves.Send("""[{"ticket":"l"},{"type":"trade","codes":["KRW-ETH"]}]""");
        replaces.Send("""[{"ticket":"r"},{"type":"orderbook","codes":["KRW-XRP"]}]""");
        scheduler.AdvanceBy(3 * Second);
        var full = UpstreamUnion(exchange);

        leaves.Dispose();
        replaces.Send("""[{"ticket":"r"},{"type":"ticker","codes":["KRW-BTC"]}]""");
        scheduler.AdvanceBy(10 * Second);

        Assert.That(full, Is.EqualTo(new[] { "orderbook KRW-XRP", "ticker KRW-BTC", "trade KRW-ETH" }));
        Assert.That(UpstreamUnion(exchange), Is.EqualTo(new[] { "ticker KRW-BTC" }));
        Assert.That((gateway.Status.DownstreamConnections, gateway.Status.UpstreamKeys), Is.EqualTo((2, 1)));
        replaces.Dispose();
    }

    [Test]
    public async Task Gateway_MalformedAndPrivateRequests_GetUpbitErrorFramesAndNothingReachesUpstream()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upstream = exchange.CreateClient();
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { Scheduler = scheduler });
        using var garbage = new RawDownstream(gateway.Transport);
        using var noTicket = new RawDownstream(gateway.Transport);
        using var privateType = new RawDownstream(gateway.Transport);
        using var privateEndpoint = new RawDownstream(gateway.Transport, "/websocket/v1/private");
        scheduler.AdvanceBy(1);

        garbage.Send("not json");
        noTicket.Send("""[{"type":"ticker","codes":["KRW-BTC"]}]""");
        privateType.Send("""[{"ticket":"p"},{"type":"myOrder"}]""");
        scheduler.AdvanceBy(2 * Second);

        Assert.That(garbage.Errors.Select(e => e.Name), Is.EqualTo(new[] { "WRONG_FORMAT" }));
        Assert.That(noTicket.Errors.Select(e => e.Name), Is.EqualTo(new[] { "NO_TICKET" }));
        Assert.That(privateType.Errors.Select(e => e.Name), Is.EqualTo(new[] { "INVALID_PARAM" }));
        Assert.That(privateEndpoint.Errors.Single().Message, Does.Contain("공개 시세만"));
        Assert.That(new[] { garbage.Closed, noTicket.Closed, privateType.Closed, privateEndpoint.Closed }, Is.All.EqualTo(1000));
        Assert.That(exchange.Connections, Is.Empty);
    }

    [Test]
    public async Task Gateway_ListSubscriptions_AnswersTheConnectionsOwnSetNotTheUnion()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upstream = exchange.CreateClient();
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { Scheduler = scheduler });
        using var other = new RawDownstream(gateway.Transport);
        using var asking = new RawDownstream(gateway.Transport);
        scheduler.AdvanceBy(1);
        other.Send("""[{"ticket":"o"},{"type":"trade","codes":["KRW-ETH"]}]""");
        asking.Send("""[{"ticket":"a"},{"type":"ticker","codes":["KRW-BTC"]}]""");
        scheduler.AdvanceBy(Second);

        asking.Send("""[{"ticket":"a"},{"method":"LIST_SUBSCRIPTIONS"}]""");
        scheduler.AdvanceBy(Second);

        var list = asking.Messages.OfType<SubscriptionList>().Single();
        Assert.That(list.Entries.Select(e => $"{e.Type} {string.Join(',', e.Codes ?? [])}"), Is.EqualTo(new[] { "ticker KRW-BTC" }));
    }

    [Test]
    public async Task Gateway_UpstreamDrops_DownstreamStaysConnectedAndDataResumes()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upstream = exchange.CreateClient();
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { Scheduler = scheduler });
        using var ours = Downstream(gateway, scheduler);
        var tickers = new List<Ticker>();
        using var subscription = ours.Ticker("KRW-BTC").Subscribe(tickers.Add);
        using var raw = new RawDownstream(gateway.Transport);
        scheduler.AdvanceBy(1);
        raw.Send("""[{"ticket":"r"},{"type":"trade","codes":["KRW-ETH"]}]""");
        scheduler.AdvanceBy(3 * Second);

        exchange.Drop(1);
        scheduler.AdvanceBy(2 * Second);
        var (tickersAtDrop, tradesAtDrop) = (tickers.Count, raw.Of<Trade>("KRW-ETH").Count());
        scheduler.AdvanceBy(20 * Second);

        Assert.That(exchange.Connections.Select(c => c.CloseCode), Is.EqualTo(new int?[] { 1006, null }), "the upstream reconnected once");
        Assert.That(raw.IsOpen && gateway.Status.DownstreamConnections == 2, Is.True, "downstream stayed connected");
        Assert.That(tickers.Count, Is.GreaterThan(tickersAtDrop));
        Assert.That(raw.Of<Trade>("KRW-ETH").Count(), Is.GreaterThan(tradesAtDrop));
        Assert.That(raw.Of<Trade>("KRW-ETH").Select(t => t.SequentialId), Is.Unique, "no trade twice");
    }

    private static UpbitClient Downstream(UpbitGateway gateway, TestScheduler scheduler) => new(new UpbitClientOptions
    {
        PublicEndpoint = new Uri("wss://gateway.invalid/websocket/v1"),
        Transport = gateway.Transport,
        Scheduler = scheduler,
        FallbackAfter = null,
        BackfillTrades = false,
    });

    private static (T First, bool More) FirstAndCount<T>(IEnumerable<T> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? (default!, false) : (list[0], list.Count > 1);
    }

    /// <summary>The last upstream request as "type code", depth suffixes and flags dropped.</summary>
    private static string[] UpstreamUnion(FakeUpbitExchange exchange) =>
        [.. WireRequests.Last(exchange).Select(e => string.Join(' ', e.Split(' ').Take(2))).Select(e => e.Split('.')[0]).Distinct().Order(StringComparer.Ordinal)];

    private static int MostRequestsInOneSecond(FakeUpbitExchange exchange)
    {
        var ticks = exchange.Requests.Select(r => r.Ticks).ToList();
        return ticks.Count == 0 ? 0 : ticks.Max(t => ticks.Count(u => u >= t && u < t + Second));
    }
}
