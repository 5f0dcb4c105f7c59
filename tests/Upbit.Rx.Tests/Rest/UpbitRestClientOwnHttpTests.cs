using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Rest;

/// <summary>
/// A REST client that owns its <see cref="HttpClient"/> makes it at its first call, once, and disposes it with itself;
/// an <see cref="UpbitClient"/> that only streams never makes one.
/// </summary>
public sealed class UpbitRestClientOwnHttpTests
{
    [Test]
    public void Constructor_OwnHttpClient_NoneMadeBeforeTheFirstCall()
    {
        var scheduler = RestTestRun.Scheduler();
        var made = 0;
        using var rest = new UpbitRestClient(() => { made++; return new HttpClient(new ScriptedHttpHandler(scheduler)); }, Options(scheduler));

        Assert.That((made, rest.CurrentHttpClient), Is.EqualTo((0, (HttpClient?)null)));
    }

    [Test]
    public void GetMarketsAsync_TwoCalls_OneHttpClientMadeAndBothSentOnIt()
    {
        var scheduler = RestTestRun.Scheduler();
        var handler = new ScriptedHttpHandler(scheduler).ThenJson("[]").ThenJson("[]");
        var made = 0;
        using var rest = new UpbitRestClient(() => { made++; return new HttpClient(handler); }, Options(scheduler));

        RestTestRun.Run(scheduler, () => rest.GetMarketsAsync());
        RestTestRun.Run(scheduler, () => rest.GetMarketsAsync());

        Assert.That((made, handler.Sent.Count), Is.EqualTo((1, 2)));
    }

    [Test]
    public void Dispose_AfterACall_DisposesTheHttpClientItMade()
    {
        var scheduler = RestTestRun.Scheduler();
        var rest = new UpbitRestClient(() => new HttpClient(new ScriptedHttpHandler(scheduler).ThenJson("[]")), Options(scheduler));
        RestTestRun.Run(scheduler, () => rest.GetMarketsAsync());
        var http = rest.CurrentHttpClient!;

        rest.Dispose();

        Assert.Throws<ObjectDisposedException>(() => http.CancelPendingRequests());
    }

    [Test]
    public async Task GetMarketsAsync_DisposedBeforeAnyCall_ThrowsObjectDisposedAndMakesNone()
    {
        var scheduler = RestTestRun.Scheduler();
        var made = 0;
        var rest = new UpbitRestClient(() => { made++; return new HttpClient(new ScriptedHttpHandler(scheduler)); }, Options(scheduler));
        rest.Dispose();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => rest.GetMarketsAsync());

        Assert.That((error is null, made), Is.EqualTo((false, 0)));
    }

    [Test]
    public void Rest_NoHttpClientGiven_NoneMadeWhileTheClientStreams()
    {
        var scheduler = new TestScheduler();
        var transport = new ScriptedTransport();
        using var upbit = new UpbitClient(new UpbitClientOptions { Scheduler = scheduler, Transport = transport, ValidateCodes = false, BackfillTrades = false });
        using var subscription = upbit.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);

        Assert.That((transport.Open, upbit.Rest.CurrentHttpClient), Is.EqualTo((1, (HttpClient?)null)));
    }

    private static UpbitRestOptions Options(TestScheduler scheduler) =>
        new() { Scheduler = scheduler, BaseAddress = new Uri("https://api.upbit.com") };
}
