using Microsoft.Reactive.Testing;
using NUnit.Framework;

namespace Upbit.Rx.Tests.Rest;

/// <summary>Where <see cref="UpbitClient.Rest"/> points, and that it is the one client the <see cref="UpbitClient"/> owns.</summary>
public sealed class UpbitClientRestTests
{
    [TestCase("wss://api.upbit.com/websocket/v1", "https://api.upbit.com/")]
    [TestCase("ws://127.0.0.1:5123/websocket/v1", "http://127.0.0.1:5123/")]
    [TestCase("wss://sg-api.upbit.com:8443/websocket/v1?x=1", "https://sg-api.upbit.com:8443/")]
    public void Rest_OnlyWebSocketEndpointSet_SameHostOverHttp(string endpoint, string expected)
    {
        using var upbit = new UpbitClient(new UpbitClientOptions { PublicEndpoint = new Uri(endpoint), Scheduler = new TestScheduler() });

        Assert.That(upbit.Rest.BaseAddress, Is.EqualTo(new Uri(expected)));
    }

    [Test]
    public void Rest_RestEndpointSet_WinsOverWebSocketHost()
    {
        using var upbit = new UpbitClient(new UpbitClientOptions
        {
            PublicEndpoint = new Uri("ws://127.0.0.1:5123/websocket/v1"),
            RestEndpoint = new Uri("http://127.0.0.1:6000/"),
            Scheduler = new TestScheduler(),
        });

        Assert.That(upbit.Rest.BaseAddress, Is.EqualTo(new Uri("http://127.0.0.1:6000/")));
    }

    [Test]
    public void Rest_GivenHttpClient_UsedAndLeftUndisposed()
    {
        var scheduler = RestTestRun.Scheduler();
        var handler = new ScriptedHttpHandler(scheduler).ThenJson("[]");
        using var http = new HttpClient(handler);
        var upbit = new UpbitClient(new UpbitClientOptions { HttpClient = http, Scheduler = scheduler });

        var markets = RestTestRun.Run(scheduler, () => upbit.Rest.GetMarketsAsync());
        upbit.Dispose();

        Assert.That((markets.Count, handler.Sent.Single().Uri), Is.EqualTo((0, new Uri("https://api.upbit.com/v1/market/all"))));
        Assert.DoesNotThrow(() => http.CancelPendingRequests());
    }

    [Test]
    public void Rest_SameInstanceEachTime()
    {
        using var upbit = new UpbitClient(new UpbitClientOptions { Scheduler = new TestScheduler() });
        var first = upbit.Rest;

        Assert.That(upbit.Rest, Is.SameAs(first));
    }

    [Test]
    public void Candle_RestOnlyInterval_ThrowsAtCall()
    {
        using var upbit = new UpbitClient(new UpbitClientOptions { Scheduler = new TestScheduler() });

        Assert.Throws<ArgumentOutOfRangeException>(() => upbit.Candle(Upbit.Rx.Streams.CandleInterval.OneDay, "KRW-BTC"));
    }
}
