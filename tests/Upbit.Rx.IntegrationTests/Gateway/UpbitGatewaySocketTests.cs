using System.Net;
using System.Net.WebSockets;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using NUnit.Framework;
using Upbit.Rx.Gateway;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Gateway;

/// <summary>
/// The gateway on real sockets (127.0.0.1 only): the loopback fake exchange upstream, downstream clients of three kinds
/// (ours, a raw client resending a growing union, a raw client with one socket per subscribe call), a slow client, an
/// upstream drop, the shared token and the REST proxy. Each test is bounded in seconds.
/// </summary>
public sealed class UpbitGatewaySocketTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static FakeExchangeOptions FastMarket() => new()
    {
        Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMilliseconds(50) },
    };

    [Test]
    [CancelAfter(40_000)]
    public async Task Gateway_ThreeKindsOfClients_EachGetsDataOverOneUpstreamConnectionWithinLimits(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(FastMarket(), cancellationToken: cancellationToken);
        using var upstream = Upstream(server);
        await using var gateway = new UpbitGateway(upstream);
        var endpoint = await gateway.StartAsync(cancellationToken);
        using var ours = new UpbitClient(new UpbitClientOptions { PublicEndpoint = endpoint, FallbackAfter = null, BackfillTrades = false });
        await using var growing = await GatewaySocket.ConnectAsync(endpoint);
        await using var perCallBook = await GatewaySocket.ConnectAsync(endpoint);

        var tickers = ours.Ticker("KRW-BTC").Take(3).ToList().ToTask(cancellationToken);
        await growing.SendAsync("""[{"ticket":"g"},{"type":"ticker","codes":["KRW-XRP"]}]""");
        await growing.SendAsync("""[{"ticket":"g"},{"type":"ticker","codes":["KRW-XRP"]},{"type":"trade","codes":["KRW-XRP"]}]""");
        await growing.SendAsync("""[{"ticket":"g"},{"type":"ticker","codes":["KRW-XRP"]},{"type":"trade","codes":["KRW-XRP","KRW-ETH"]}]""");
        await perCallBook.SendAsync("""[{"ticket":"a"},{"type":"orderbook","codes":["KRW-BTC.5"]}]""");
        await using var perCallTrade = await GatewaySocket.ConnectAsync(endpoint);
        await perCallTrade.SendAsync("""[{"ticket":"b"},{"type":"trade","codes":["KRW-BTC"]},{"type":"ticker","codes":["KRW-ETH"],"is_only_realtime":true}]""");

        var ourTickers = await tickers.WaitAsync(Bound, cancellationToken);
        await growing.UntilAsync(m => m.OfType<Trade>().Select(t => t.Code).Distinct().Count() == 2 && m.OfType<Ticker>().Count() > 1, cancellationToken);
        await perCallBook.UntilAsync(m => m.OfType<Orderbook>().Count() > 1, cancellationToken);
        await perCallTrade.UntilAsync(m => m.OfType<Trade>().Count() > 1 && m.OfType<Ticker>().Any(), cancellationToken);

        Assert.That(ourTickers[0].StreamType, Is.EqualTo(StreamType.Snapshot));
        Assert.That(growing.Of<Ticker>("KRW-XRP").First().StreamType, Is.EqualTo(StreamType.Snapshot));
        Assert.That(perCallBook.Of<Orderbook>("KRW-BTC").Select(b => b.Units.Length).Distinct(), Is.EqualTo(new[] { 5 }));
        Assert.That(perCallBook.Of<Orderbook>("KRW-BTC").First().StreamType, Is.EqualTo(StreamType.Snapshot));
        Assert.That(perCallTrade.Of<Trade>("KRW-BTC").First().StreamType, Is.EqualTo(StreamType.Snapshot));
        Assert.That(perCallTrade.Of<Ticker>("KRW-ETH").All(t => t.StreamType == StreamType.Realtime), Is.True, "is_only_realtime kept");
        Assert.That(server.Exchange.Connections, Has.Count.EqualTo(1), "one upstream connection");
        Assert.That(UpstreamUnion(server.Exchange), Is.EqualTo(new[]
        {
            "orderbook KRW-BTC", "ticker KRW-BTC", "ticker KRW-ETH", "ticker KRW-XRP", "trade KRW-BTC", "trade KRW-ETH", "trade KRW-XRP",
        }));
        Assert.That(MostRequestsInOneSecond(server.Exchange), Is.LessThanOrEqualTo(5));
    }

    [Test]
    [CancelAfter(40_000)]
    public async Task Gateway_SlowClient_IsDroppedWhileOthersContinue(CancellationToken cancellationToken)
    {
        var market = new FakeExchangeOptions
        {
            Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMilliseconds(20) },
        };
        await using var server = await LoopbackUpbitServer.StartAsync(market, cancellationToken: cancellationToken);
        using var upstream = Upstream(server);
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { SendQueueLimit = 512 });
        var endpoint = await gateway.StartAsync(cancellationToken);
        const string AllBooks = """[{"ticket":"x"},{"type":"orderbook","codes":["KRW-BTC","KRW-ETH","KRW-XRP","BTC-ETH","USDT-BTC"]}]""";
        await using var slow = await GatewaySocket.ConnectAsync(endpoint, reading: false);
        await using var fast = await GatewaySocket.ConnectAsync(endpoint);
        await slow.SendAsync(AllBooks);
        await fast.SendAsync(AllBooks);

        await fast.UntilAsync(_ => gateway.Status.SlowClientsDropped > 0, cancellationToken);
        var atDrop = fast.Messages.Count;
        await fast.UntilAsync(m => m.Count > atDrop + 20, cancellationToken);
        slow.StartReading();
        var (status, reason) = await slow.Ended.WaitAsync(Bound, cancellationToken);

        Assert.That(gateway.Status.SlowClientsDropped, Is.EqualTo(1));
        Assert.That(fast.Ended.IsCompleted, Is.False, "the fast client is still connected");
        Assert.That(status is null || (status == WebSocketCloseStatus.PolicyViolation && reason!.Contains("too slow", StringComparison.Ordinal)), Is.True, $"{status} {reason}");
        Assert.That(server.Exchange.Connections, Has.Count.EqualTo(1), "the upstream was never disturbed");
    }

    [Test]
    [CancelAfter(40_000)]
    public async Task Gateway_UpstreamDrops_DownstreamStaysConnectedAndDataResumes(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(FastMarket(), cancellationToken: cancellationToken);
        using var upstream = Upstream(server);
        await using var gateway = new UpbitGateway(upstream);
        var endpoint = await gateway.StartAsync(cancellationToken);
        using var ours = new UpbitClient(new UpbitClientOptions { PublicEndpoint = endpoint, FallbackAfter = null, BackfillTrades = false });
        var tickers = new List<Ticker>();
        var arrived = new SemaphoreSlim(0);
        using var subscription = ours.Ticker("KRW-BTC").Subscribe(t =>
        {
            lock (tickers)
            {
                tickers.Add(t);
            }

            arrived.Release();
        });
        await using var raw = await GatewaySocket.ConnectAsync(endpoint);
        await raw.SendAsync("""[{"ticket":"r"},{"type":"trade","codes":["KRW-ETH"]}]""");
        await raw.UntilAsync(m => m.OfType<Trade>().Count() > 2, cancellationToken);

        server.Exchange.Drop(server.Exchange.Connections[0].Id);
        await raw.UntilAsync(_ => server.Exchange.Connections.Count == 2 && server.Exchange.Connections[1].IsOpen, cancellationToken);
        var (tickersAtReconnect, tradesAtReconnect) = (Count(tickers), raw.Of<Trade>("KRW-ETH").Count());
        await raw.UntilAsync(m => m.OfType<Trade>().Count() > tradesAtReconnect + 2, cancellationToken);
        while (Count(tickers) <= tickersAtReconnect + 2)
        {
            await arrived.WaitAsync(cancellationToken);
        }

        Assert.That(raw.Ended.IsCompleted, Is.False, "downstream stayed connected");
        Assert.That(gateway.Status.DownstreamConnections, Is.EqualTo(2));
        Assert.That(raw.Of<Trade>("KRW-ETH").Select(t => t.SequentialId), Is.Unique, "no trade twice");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Gateway_SharedToken_RequestsWithoutItAreRefusedWithItServed(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(FastMarket(), cancellationToken: cancellationToken);
        using var upstream = Upstream(server);
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { AccessToken = "s3cret" });
        var endpoint = await gateway.StartAsync(cancellationToken);

        var refused = await Assert.ThrowsAsync<WebSocketException>(async () => await GatewaySocket.ConnectAsync(endpoint));
        await using var admitted = await GatewaySocket.ConnectAsync(new Uri(endpoint + "?token=s3cret"));
        await admitted.SendAsync("""[{"ticket":"t"},{"type":"ticker","codes":["KRW-BTC"]}]""");
        await admitted.UntilAsync(m => m.OfType<Ticker>().Any(), cancellationToken);

        Assert.That(refused!.Message, Does.Contain("401"));
        Assert.That(admitted.Of<Ticker>("KRW-BTC").Any(), Is.True);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Gateway_RestQuotations_ForwardedOnceWithinTheCacheAndUnknownPathsRefused(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(FastMarket(), cancellationToken: cancellationToken);
        using var upstream = Upstream(server);
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions
        {
            RestUpstream = server.RestEndpoint,
            RestCacheDuration = TimeSpan.FromMinutes(1),
        });
        await gateway.StartAsync(cancellationToken);
        using var http = new HttpClient { BaseAddress = gateway.RestEndpoint };

        var first = await http.GetStringAsync(new Uri("v1/ticker?markets=KRW-BTC", UriKind.Relative), cancellationToken);
        var second = await http.GetStringAsync(new Uri("v1/ticker?markets=KRW-BTC", UriKind.Relative), cancellationToken);
        var order = await http.PostAsync(new Uri("v1/orders", UriKind.Relative), null, cancellationToken);

        Assert.That(first, Does.Contain("\"market\":\"KRW-BTC\""));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(server.Exchange.RestRequests.Count(r => r.PathAndQuery.StartsWith("/v1/ticker", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(order.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void Options_NonLoopbackBindWithoutFlag_IsRefused()
    {
        using var upstream = new UpbitClient();

        var error = Assert.Throws<ArgumentException>(() => _ = new UpbitGateway(upstream, new UpbitGatewayOptions { BindAddress = IPAddress.Any }));

        Assert.That(error!.Message, Does.Contain("AllowNonLoopback"));
    }

    private static UpbitClient Upstream(LoopbackUpbitServer server) => new(new UpbitClientOptions
    {
        PublicEndpoint = server.PublicEndpoint,
        RestEndpoint = server.RestEndpoint,
    });

    private static int Count(List<Ticker> tickers)
    {
        lock (tickers)
        {
            return tickers.Count;
        }
    }

    private static string[] UpstreamUnion(FakeUpbitExchange exchange)
    {
        var last = exchange.Requests.Last(r => r.Text.StartsWith('[') && !r.Text.Contains("LIST_SUBSCRIPTIONS", StringComparison.Ordinal));
        using var document = System.Text.Json.JsonDocument.Parse(last.Text);
        return [.. document.RootElement.EnumerateArray()
            .Where(e => e.TryGetProperty("type", out _))
            .SelectMany(e => e.GetProperty("codes").EnumerateArray().Select(c => $"{e.GetProperty("type").GetString()} {c.GetString()!.Split('.')[0]}"))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private static int MostRequestsInOneSecond(FakeUpbitExchange exchange)
    {
        var ticks = exchange.Requests.Select(r => r.Ticks).ToList();
        return ticks.Count == 0 ? 0 : ticks.Max(t => ticks.Count(u => u >= t && u < t + TimeSpan.TicksPerSecond));
    }
}
