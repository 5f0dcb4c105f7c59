using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Client;

/// <summary>
/// The real client (over each transport: ClientWebSocket and Websocket.Client) against the loopback fake exchange over 127.0.0.1: every stream kind in
/// DEFAULT and SIMPLE with compression, and recovery from a server-side drop. Each test is bounded in seconds.
/// </summary>
public sealed class UpbitClientSocketTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static FakeExchangeOptions FastMarket() => new()
    {
        Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMilliseconds(50) },
    };

    [TestCase(WireFormat.Default, true, TransportKind.ClientWebSocket)]
    [TestCase(WireFormat.Simple, true, TransportKind.ClientWebSocket)]
    [TestCase(WireFormat.SimpleList, false, TransportKind.ClientWebSocket)]
    [TestCase(WireFormat.Default, true, TransportKind.WebsocketClient)]
    [TestCase(WireFormat.Simple, true, TransportKind.WebsocketClient)]
    [TestCase(WireFormat.SimpleList, false, TransportKind.WebsocketClient)]
    [CancelAfter(30_000)]
    public async Task Streams_EveryKind_ArriveDecodedOverRealSockets(WireFormat format, bool compression, TransportKind transport)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(FastMarket());
        using var client = new UpbitClient(Options(server, transport) with { Format = format, Compression = compression });

        var tickers = client.Ticker("KRW-BTC", "KRW-ETH").Take(4).ToList().ToTask();
        var trades = client.Trade("KRW-BTC").Take(3).ToList().ToTask();
        var books = client.Orderbook(15, 0m, "KRW-XRP").Take(2).ToList().ToTask();
        var candles = client.Candle(CandleInterval.OneSecond, "KRW-ETH").Take(2).ToList().ToTask();
        await Task.WhenAll(tickers, trades, books, candles).WaitAsync(Bound);

        Assert.That((await tickers).Select(t => t.Code).Distinct().Order(), Is.EqualTo(new[] { "KRW-BTC", "KRW-ETH" }));
        Assert.That((await trades).Select(t => t.SequentialId).Distinct().Count(), Is.EqualTo(3));
        Assert.That((await books).Select(b => (b.Code, b.Units.Length)).Distinct(), Is.EqualTo(new[] { ("KRW-XRP", 15) }));
        Assert.That((await candles).Select(c => c.Interval).Distinct(), Is.EqualTo(new[] { CandleInterval.OneSecond }));
        Assert.That(server.Exchange.Connections, Has.Count.EqualTo(1), "one shared connection carries every stream");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Drop_ServerKillsSocket_ClientReconnectsAndStreamContinues([Values] TransportKind transport)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(FastMarket());
        using var client = new UpbitClient(Options(server, transport));
        var states = new List<ConnectionState>();
        using var watch = client.ConnectionStates.Synchronize().Subscribe(s =>
        {
            lock (states)
            {
                states.Add(s);
            }
        });
        var firstTrades = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var afterDrop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<long>();
        var dropped = 0;
        using var sub = client.Trade("KRW-BTC").Subscribe(t =>
        {
            lock (seen)
            {
                seen.Add(t.SequentialId);
                if (seen.Count == 3)
                {
                    firstTrades.TrySetResult();
                }

                if (Volatile.Read(ref dropped) == 1 && server.Exchange.Connections.Count == 2)
                {
                    afterDrop.TrySetResult();
                }
            }
        });

        await firstTrades.Task.WaitAsync(Bound);
        Volatile.Write(ref dropped, 1);
        server.Exchange.Drop(server.Exchange.Connections[0].Id);
        await afterDrop.Task.WaitAsync(Bound);

        lock (states)
        {
            Assert.That(states.Where(s => s.Endpoint == "public").Select(s => s.Status), Does.Contain(ConnectionStatus.Reconnecting));
        }

        lock (seen)
        {
            Assert.That(seen.Distinct().Count(), Is.EqualTo(seen.Count), "no trade is delivered twice across the reconnect");
        }
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Snapshot_OverRealSockets_ReturnsRequestedCodes([Values] TransportKind transport)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(FastMarket());
        using var client = new UpbitClient(Options(server, transport));

        var tickers = await client.GetTickersAsync(["KRW-ETH", "KRW-BTC"]).WaitAsync(Bound);

        Assert.That(tickers.Select(t => t.Code), Is.EqualTo(new[] { "KRW-ETH", "KRW-BTC" }));
        Assert.That(tickers.Select(t => t.StreamType), Is.EqualTo(new[] { StreamType.Snapshot, StreamType.Snapshot }));
        Assert.That(tickers.All(t => t.TradePrice > 0m), Is.True);
    }

    private static UpbitClientOptions Options(LoopbackUpbitServer server, TransportKind transport) => new()
    {
        Transport = Transports.ForOptions(transport),
        PublicEndpoint = server.PublicEndpoint,
        PrivateEndpoint = server.PrivateEndpoint,
        Reconnect = new BackoffOptions { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) },
        Linger = TimeSpan.Zero,
    };
}
