using System.IO.Compression;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Testing;

/// <summary>What only real HTTP shows: one port for REST and sockets, gzip, and a refused request.</summary>
[TestFixture]
[NonParallelizable]
public sealed class LoopbackRestWireTests
{
    private static readonly FakeExchangeOptions s_quiet = new() { Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromHours(1) } };

    [Test]
    [CancelAfter(10_000)]
    public async Task RestEndpoint_SamePortAsSockets_BothServed(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_quiet, cancellationToken: cancellationToken);
        using var http = new HttpClient { BaseAddress = server.RestEndpoint };
        using var socket = new ClientWebSocket();

        await socket.ConnectAsync(server.PublicEndpoint, cancellationToken);
        using var answer = await http.GetAsync(new Uri("/v1/ticker?markets=KRW-BTC", UriKind.Relative), cancellationToken);

        Assert.That(server.RestEndpoint.Port, Is.EqualTo(server.PublicEndpoint.Port));
        Assert.That(server.RestEndpoint.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(socket.State, Is.EqualTo(WebSocketState.Open));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Get_AcceptsGzip_BodyCompressedAndDecodesToTheSameJson(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_quiet, cancellationToken: cancellationToken);
        using var raw = new HttpClient { BaseAddress = server.RestEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/market/all");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var plainAnswer = await raw.GetAsync(new Uri("/v1/market/all", UriKind.Relative), cancellationToken);
        var plain = await plainAnswer.Content.ReadAsStringAsync(cancellationToken);

        using var zipped = await raw.SendAsync(request, cancellationToken);
        await using var gzip = new GZipStream(await zipped.Content.ReadAsStreamAsync(cancellationToken), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var unzipped = await reader.ReadToEndAsync(cancellationToken);

        Assert.That(zipped.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }));
        Assert.That(plainAnswer.Content.Headers.ContentEncoding, Is.Empty);
        Assert.That(unzipped, Is.EqualTo(plain));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Get_AutomaticDecompression_ClientReadsGzippedAnswer(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_quiet, cancellationToken: cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip }) { BaseAddress = server.RestEndpoint };

        var body = await http.GetStringAsync(new Uri("/v1/trades/ticks?market=KRW-BTC", UriKind.Relative), cancellationToken);

        Assert.That(body, Does.StartWith("[{\"market\":\"KRW-BTC\",\"trade_date_utc\":"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Get_Refused_ClientSeesAFailedRequestAndTheServerKeepsServing(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_quiet, cancellationToken: cancellationToken);
        using var http = new HttpClient { BaseAddress = server.RestEndpoint };
        server.Exchange.InjectRestFault(RestFault.Refuse());

        Assert.That(async () => await http.GetAsync(new Uri("/v1/market/all", UriKind.Relative), cancellationToken), Throws.InstanceOf<HttpRequestException>());
        using var after = await http.GetAsync(new Uri("/v1/market/all", UriKind.Relative), cancellationToken);

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
