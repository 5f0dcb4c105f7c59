using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Testing;

/// <summary>The loopback server speaks real WebSocket: driven with the framework's <see cref="ClientWebSocket"/>
/// (not our client) it negotiates deflate only when offered, sends binary frames, closes with 1000 after an error
/// frame, answers pings, and puts Upbit's headers on the upgrade.</summary>
[TestFixture]
[NonParallelizable]
public sealed class LoopbackUpbitServerWireTests
{
    private static readonly FakeExchangeOptions s_options = new()
    {
        IdleTimeout = TimeSpan.FromSeconds(1),
        Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromHours(1) },
    };

    [Test]
    [CancelAfter(10_000)]
    public async Task Upgrade_ClientOffersDeflate_NegotiatedAndHeadersPresent(CancellationToken cancel)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_options, cancellationToken: cancel);
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();

        await socket.ConnectAsync(server.PublicEndpoint, cancel);
        var headers = socket.HttpResponseHeaders!;

        Assert.Multiple(() =>
        {
            Assert.That(socket.HttpStatusCode, Is.EqualTo(HttpStatusCode.SwitchingProtocols));
            Assert.That(headers["Sec-WebSocket-Extensions"].Single(), Does.StartWith("permessage-deflate"));
            Assert.That(headers["remaining-req"].Single(), Is.EqualTo("group=websocket; min=300; sec=4"));
            Assert.That(headers["limit-by-ip"].Single(), Is.EqualTo("Yes"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Upgrade_ClientDoesNotOfferDeflate_NoExtension(CancellationToken cancel)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_options, cancellationToken: cancel);
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await socket.ConnectAsync(server.PublicEndpoint, cancel);

        Assert.That(socket.HttpResponseHeaders!.ContainsKey("Sec-WebSocket-Extensions"), Is.False);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Subscribe_OverDeflate_SnapshotArrivesAsBinaryUtf8Json(CancellationToken cancel)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_options, cancellationToken: cancel);
        using var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        await socket.ConnectAsync(server.PublicEndpoint, cancel);

        await SendAsync(socket, "[{\"ticket\":\"raw\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.5\"]}]", cancel);
        var (type, text) = await ReceiveAsync(socket, cancel);

        var book = (Orderbook)UpbitDecoder.Decode(text).Messages.Single();
        Assert.That(type, Is.EqualTo(WebSocketMessageType.Binary));
        Assert.That(book with { Timestamp = 0 }, Is.EqualTo(server.Exchange.Market.Orderbook("KRW-BTC", 5)! with { Timestamp = 0 }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task BadRequest_ErrorFrameThenCloseHandshake1000(CancellationToken cancel)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_options, cancellationToken: cancel);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.PublicEndpoint, cancel);

        await SendAsync(socket, "hello", cancel);
        var (type, text) = await ReceiveAsync(socket, cancel);
        var close = await socket.ReceiveAsync(new byte[16], cancel);

        Assert.Multiple(() =>
        {
            Assert.That(type, Is.EqualTo(WebSocketMessageType.Binary));
            Assert.That(text, Is.EqualTo("{\"error\":{\"name\":\"WRONG_FORMAT\",\"message\":\"Format 이 맞지 않습니다.\"}}"));
            Assert.That(close.MessageType, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That(socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.NormalClosure));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Ping_ProtocolPingsOnly_EachPongedAndConnectionOutlivesIdleTimeout(CancellationToken cancel)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_options, cancellationToken: cancel);
        var idle = s_options.IdleTimeout;
        var previousSend = Stopwatch.GetTimestamp();
        using var socket = await RawWebSocket.ConnectAsync(server.PublicEndpoint, cancel);
        var span = Stopwatch.StartNew();
        var pinged = new List<string>();
        var ponged = new List<string>();
        var widestQuiet = TimeSpan.Zero;
        (int Opcode, string Payload)? frame = null;

        // NB: no wall-clock bound on the pongs: every ping must get its own pong, however slow the machine. The server
        // reads a ping (its traffic mark) before it answers it, so "previous ping sent -> this pong received" bounds
        // each quiet stretch the server saw; only a run whose widest stretch stayed under the idle timeout can show a
        // wrong drop, and a stalled machine gets an inconclusive result instead of a red one.
        while (span.Elapsed < idle * 2.5)
        {
            var payload = "p" + pinged.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sent = Stopwatch.GetTimestamp();
            await socket.PingAsync(payload, cancel);
            pinged.Add(payload);
            frame = await socket.ReceiveAsync(cancel);
            widestQuiet = Max(widestQuiet, Stopwatch.GetElapsedTime(previousSend));
            previousSend = sent;
            if (frame is not { Opcode: RawWebSocket.PongOpcode } pong)
            {
                break;
            }

            ponged.Add(pong.Payload);
            await Task.Delay(idle / 5, cancel); // pacing only: the assertions do not depend on it
        }

        var open = server.Exchange.Connections.Single().IsOpen;
        widestQuiet = Max(widestQuiet, Stopwatch.GetElapsedTime(previousSend));
        if ((frame is null || !open) && widestQuiet >= idle)
        {
            Assert.Inconclusive($"the machine left the connection quiet for {widestQuiet.TotalMilliseconds:0} ms, over the {idle.TotalMilliseconds:0} ms idle timeout");
        }

        Assert.That(frame, Is.Not.Null, $"the server dropped the connection after {ponged.Count} pong(s); widest quiet {widestQuiet.TotalMilliseconds:0} ms");
        Assert.That(frame!.Value.Opcode, Is.EqualTo(RawWebSocket.PongOpcode), "only pongs answer pings");
        Assert.That(ponged, Is.EqualTo(pinged), "one pong per ping, carrying its payload");
        Assert.That(pinged, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(open, Is.True);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [Test]
    [CancelAfter(10_000)]
    public async Task Upgrade_OverConnectLimit_Http429(CancellationToken cancel)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_options, cancellationToken: cancel);
        server.Exchange.RefuseNextConnections(1);
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        var error = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(server.PublicEndpoint, cancel));

        Assert.That(error!.Message, Does.Contain("'429'"));
        Assert.That(socket.HttpStatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    [CancelAfter(40_000)]
    public async Task DisposeAsync_ClientNeverAnswersServerClose_StopsWithoutWaitingForTheClient(CancellationToken cancel)
    {
        var server = await LoopbackUpbitServer.StartAsync(s_options with { ErrorCloseDelay = TimeSpan.Zero }, cancellationToken: cancel);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.PublicEndpoint, cancel);
        await SendAsync(socket, "hello", cancel);
        var (type, _) = await ReceiveAsync(socket, cancel);
        while (server.Exchange.Connections.Single().IsOpen)
        {
            await Task.Delay(10, cancel);
        }

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();

        Assert.That(type, Is.EqualTo(WebSocketMessageType.Binary));
        // NB: dispose aborts every socket at once, so nothing waits for the silent client; a stop that waited for its
        // close answer would never return. The bound leaves room for a loaded machine; it is not a timing measurement.
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "the server waited for a client that never answers");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Receive_EngineFaultsOnAMessage_ClosesWith1011AndRecordsIt(CancellationToken cancel)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_options, cancellationToken: cancel);
        using var faulty = server.Exchange.RequestReceived.Subscribe(_ => throw new InvalidOperationException("observer fault"));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.PublicEndpoint, cancel);

        await SendAsync(socket, "PING", cancel);
        var close = await socket.ReceiveAsync(new byte[16], cancel);
        while (server.Exchange.Connections.Single().IsOpen)
        {
            await Task.Delay(10, cancel);
        }

        Assert.Multiple(() =>
        {
            Assert.That(close.MessageType, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That(socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.InternalServerError));
            Assert.That(server.Exchange.Connections.Single().CloseCode, Is.EqualTo(1011));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Send_ClientStopsReading_DroppedWithoutCloseOnceQueueIsFull(CancellationToken cancel)
    {
        var options = s_options with
        {
            SendQueueLimit = 100,
            Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMilliseconds(1), TradesPerTick = 20 },
        };
        await using var server = await LoopbackUpbitServer.StartAsync(options, cancellationToken: cancel);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.PublicEndpoint, cancel);
        var codes = string.Join(",", server.Exchange.Market.Codes.Select(c => $"\"{c}\""));

        await SendAsync(socket, $"[{{\"ticket\":\"slow\"}},{{\"type\":\"trade\",\"codes\":[{codes}]}},{{\"type\":\"orderbook\",\"codes\":[{codes}]}}]", cancel);
        while (server.Exchange.Connections.Single().IsOpen)
        {
            await Task.Delay(20, cancel);
        }

        Assert.That(server.Exchange.Connections.Single().CloseCode, Is.EqualTo(1006));
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancel) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancel);

    private static async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync(ClientWebSocket socket, CancellationToken cancel)
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancel);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (result.MessageType, Encoding.UTF8.GetString(message.ToArray()));
            }
        }
    }
}
