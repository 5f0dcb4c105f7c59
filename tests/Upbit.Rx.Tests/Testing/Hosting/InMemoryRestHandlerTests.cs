using System.Net;
using System.Net.Sockets;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing.Hosting;

/// <summary>The in-memory REST handler on a TestScheduler: when answers complete, cancellation, and timings only
/// virtual time can pin down.</summary>
public sealed class InMemoryRestHandlerTests
{
    private static readonly long s_ms = TimeSpan.TicksPerMillisecond;
    private static readonly MarketSimulatorOptions s_quietMarket = new() { TickInterval = TimeSpan.FromHours(1) };

    [Test]
    public void SendAsync_NoLatency_AnsweredSynchronously()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, Market = s_quietMarket });
        using var http = exchange.CreateHttpClient();

        var answer = http.GetAsync(new Uri("/v1/ticker?markets=KRW-BTC", UriKind.Relative));

        Assert.That(answer.IsCompletedSuccessfully, Is.True);
        Assert.That(answer.Result.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void SendAsync_Latency_AnsweredWhenTheClockReachesIt()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = s_quietMarket,
            RestLatency = TimeSpan.FromMilliseconds(200),
        });
        using var http = exchange.CreateHttpClient();
        scheduler.AdvanceTo(1000 * s_ms);

        var answer = http.GetAsync(new Uri("/v1/market/all", UriKind.Relative));
        scheduler.AdvanceTo(1199 * s_ms);
        var earlyDone = answer.IsCompleted;
        scheduler.AdvanceTo(1200 * s_ms);

        Assert.That(earlyDone, Is.False);
        Assert.That(answer.IsCompletedSuccessfully, Is.True);
        Assert.That(exchange.RestRequests.Single().Ticks, Is.EqualTo(1000 * s_ms), "counted on arrival, not on answer");
    }

    [Test]
    public void SendAsync_SlowFault_AddsItsDelayOnceOnTopOfLatency()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = s_quietMarket,
            RestLatency = TimeSpan.FromMilliseconds(10),
        });
        using var http = exchange.CreateHttpClient();
        exchange.InjectRestFault(RestFault.Slow(TimeSpan.FromSeconds(5)));

        var slow = http.GetAsync(new Uri("/v1/market/all", UriKind.Relative));
        var normal = http.GetAsync(new Uri("/v1/market/all", UriKind.Relative));
        scheduler.AdvanceTo(10 * s_ms);
        var normalDone = normal.IsCompletedSuccessfully;
        scheduler.AdvanceTo(5009 * s_ms);
        var slowEarly = slow.IsCompleted;
        scheduler.AdvanceTo(5010 * s_ms);

        Assert.That((normalDone, slowEarly, slow.IsCompletedSuccessfully), Is.EqualTo((true, false, true)));
    }

    [Test]
    public void SendAsync_CancelledWhileWaiting_CanceledAndNeverCompletedLater()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = s_quietMarket,
            RestLatency = TimeSpan.FromSeconds(1),
        });
        using var http = exchange.CreateHttpClient();
        using var cancel = new CancellationTokenSource();

        var answer = http.GetAsync(new Uri("/v1/market/all", UriKind.Relative), cancel.Token);
        cancel.Cancel();
        scheduler.AdvanceBy(TimeSpan.FromSeconds(2).Ticks);

        Assert.That(answer.IsCanceled, Is.True);
    }

    [Test]
    public async Task SendAsync_Refused_ConnectionRefusedSocketError()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, Market = s_quietMarket });
        using var http = exchange.CreateHttpClient();
        exchange.InjectRestFault(RestFault.Refuse());

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("/v1/market/all", UriKind.Relative)));

        Assert.That(failure!.HttpRequestError, Is.EqualTo(HttpRequestError.ConnectionError));
        Assert.That((failure.InnerException as SocketException)?.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused));
    }

    [Test]
    public void Limit_WindowSlides_ElevenAllowedOnlyAfterTheFirstIsASecondOld()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, Market = s_quietMarket });
        using var http = exchange.CreateHttpClient();
        var statuses = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            scheduler.AdvanceTo(i * 50 * s_ms);
            statuses.Add((int)http.GetAsync(new Uri("/v1/market/all", UriKind.Relative)).Result.StatusCode);
        }

        scheduler.AdvanceTo(999 * s_ms);
        var early = http.GetAsync(new Uri("/v1/market/all", UriKind.Relative)).Result;
        scheduler.AdvanceTo(1000 * s_ms);
        var onTime = http.GetAsync(new Uri("/v1/market/all", UriKind.Relative)).Result;

        Assert.That(statuses, Is.All.EqualTo(200));
        Assert.That((int)early.StatusCode, Is.EqualTo(429));
        Assert.That((int)onTime.StatusCode, Is.EqualTo(200));
        Assert.That(onTime.Headers.GetValues("Remaining-Req").Single(), Is.EqualTo("group=market; min=600; sec=0"));
    }

    [Test]
    public void RestRequests_OverLogLimit_KeepsTheNewest()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, Market = s_quietMarket, RestLogLimit = 3 });
        using var http = exchange.CreateHttpClient();
        var seen = new List<RestRequestRecord>();
        using var subscription = exchange.RestRequestReceived.Subscribe(seen.Add);

        for (var i = 1; i <= 5; i++)
        {
            http.GetAsync(new Uri($"/v1/trades/ticks?market=KRW-BTC&count={i}", UriKind.Relative)).Wait();
        }

        Assert.That(exchange.RestRequests.Select(r => r.PathAndQuery[^1]), Is.EqualTo("345"));
        Assert.That(seen, Has.Count.EqualTo(5));
    }
}
