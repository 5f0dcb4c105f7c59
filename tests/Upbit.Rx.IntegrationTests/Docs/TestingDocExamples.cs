using System.Net;
using System.Net.WebSockets;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Text;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Docs;

/// <summary>The real-socket examples of docs/testing.md, compiled and run.</summary>
[NonParallelizable]
public sealed class TestingDocExamples
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Client_AgainstLoopbackServer_ReceivesTheSimulatedMarket(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(cancellationToken: cancellationToken);
        await using var client = new UpbitClient(new UpbitClientOptions { PublicEndpoint = server.PublicEndpoint });

        var ticker = await client.Ticker("KRW-BTC").Take(1).ToTask(cancellationToken);

        Assert.That((ticker.Code, ticker.StreamType), Is.EqualTo(("KRW-BTC", StreamType.Snapshot)));
        Assert.That(ticker.TradePrice % server.Exchange.Market.TickSize("KRW-BTC"), Is.EqualTo(0m));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AnyWebSocketClient_AgainstLoopbackServer_SpeaksUpbit(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(new FakeExchangeOptions { IdleTimeout = TimeSpan.FromSeconds(2) }, cancellationToken: cancellationToken);
        using var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();   // negotiated only when offered
        await socket.ConnectAsync(server.PublicEndpoint, cancellationToken);       // ws://127.0.0.1:{port}/websocket/v1
        await socket.SendAsync("""[{"ticket":"t"},{"type":"trade","codes":["KRW-ETH"]}]"""u8.ToArray(), WebSocketMessageType.Text, true, cancellationToken);

        var buffer = new byte[64 * 1024];
        var frame = await socket.ReceiveAsync(buffer, cancellationToken);           // binary UTF-8 JSON, as Upbit
        var trade = (Trade)UpbitDecoder.Decode(buffer.AsSpan(0, frame.Count)).Messages[0];

        Assert.That(frame.MessageType, Is.EqualTo(WebSocketMessageType.Binary));
        Assert.That((trade.Code, trade.StreamType), Is.EqualTo(("KRW-ETH", StreamType.Snapshot)));
        Assert.That(Encoding.UTF8.GetString(buffer, 0, frame.Count), Does.StartWith("{\"type\":\"trade\""));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Rest_LoopbackServer_ServesTickersOnTheSocketPort(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(cancellationToken: cancellationToken);
        using var http = new HttpClient { BaseAddress = server.RestEndpoint };   // http://127.0.0.1:{port}/

        using var response = await http.GetAsync(new Uri("/v1/ticker?markets=KRW-BTC,KRW-ETH", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.StartWith("[{\"market\":\"KRW-BTC\",\"trade_date\":"));
    }
}
