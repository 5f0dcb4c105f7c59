using System.Net;
using System.Net.Http.Headers;
using System.Reactive.Concurrency;
using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Rest;

/// <summary>Pacing per group, <c>Remaining-Req</c>, 429 retries and 418 blocks, all in virtual time.</summary>
public sealed class UpbitRestClientLimitTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1100);

    [Test]
    public void SendAsync_TwelveCallsInOneGroup_TenAtOnceThenOneWindowLater()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Otherwise = _ => ScriptedHttpHandler.Json("[]");

        RestTestRun.Drive(scheduler, () => Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetTickersAsync(["KRW-BTC"])).ToArray()));

        Assert.That(handler.Times, Is.EqualTo(Enumerable.Repeat(TimeSpan.Zero, 10).Concat([Window, Window])));
    }

    [Test]
    public void SendAsync_OtherGroup_NotHeldByAFullGroup()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Otherwise = _ => ScriptedHttpHandler.Json("[]");

        RestTestRun.Drive(scheduler, () =>
        {
            var tickers = Enumerable.Range(0, 11).Select(_ => client.GetTickersAsync(["KRW-BTC"])).ToArray();
            return Task.WhenAll([.. tickers, client.GetCandlesAsync("KRW-BTC", CandleInterval.OneMinute)]);
        });

        Assert.That(
            handler.Sent.Where(s => s.Uri.AbsolutePath.StartsWith("/v1/candles", StringComparison.Ordinal)).Select(s => s.At),
            Is.EqualTo(new[] { TimeSpan.Zero }));
    }

    [Test]
    public void SendAsync_RemainingReqSecZero_NextCallOfGroupWaitsAWindow()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson("[]", "group=ticker; min=600; sec=0").ThenJson("[]", "group=ticker; min=600; sec=9");

        RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));
        RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));

        Assert.That(handler.Times, Is.EqualTo(new[] { TimeSpan.Zero, Window }));
    }

    [Test]
    public void SendAsync_RemainingReqSecLeft_NoWait()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson("[]", "group=ticker; min=600; sec=1").ThenJson("[]");

        RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));
        RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));

        Assert.That(handler.Times, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.Zero }));
    }

    [Test]
    public void SendAsync_429ThenOk_RetriedAfterDoublingDelays()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenStatus(HttpStatusCode.TooManyRequests, "Too many API requests.")
            .ThenStatus(HttpStatusCode.TooManyRequests, "Too many API requests.")
            .ThenJson("[]");

        var result = RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));

        Assert.That(result, Is.Empty);
        Assert.That(handler.Times, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3) }));
    }

    [Test]
    public void SendAsync_429WithRetryAfter_WaitsWhatTheServerSays()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Then(_ =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Too many API requests.") };
                response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5));
                return response;
            })
            .ThenJson("[]");

        RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));

        Assert.That(handler.Times, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(5) }));
    }

    [Test]
    public void SendAsync_429Always_FailsAfterMaxRetriesWithStatusAndText()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler, new UpbitRestOptions { MaxRetries = 2 });
        handler.Otherwise = _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Too many API requests.") };

        var ex = Assert.Throws<UpbitException>(() => RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"])));

        Assert.That((ex!.ServerErrorName, ex.StatusCode, handler.Sent.Count), Is.EqualTo(((string?)null, (HttpStatusCode?)HttpStatusCode.TooManyRequests, 3)));
        Assert.That(ex.ServerMessage, Does.Contain("Too many API requests.").And.Contain("GET /v1/ticker"));
    }

    [Test]
    public void SendAsync_418WithRetryAfter_TypedBlockAndLaterCallsFailWithoutSending()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Then(_ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)418) { Content = new StringContent("blocked") };
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return response;
        });
        handler.Otherwise = _ => ScriptedHttpHandler.Json("[]");

        var first = Assert.Throws<UpbitRestBlockedException>(() => RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"])));
        var second = Assert.Throws<UpbitRestBlockedException>(() => RestTestRun.Run(scheduler, () => client.GetCandlesAsync("KRW-BTC", CandleInterval.OneDay)));

        Assert.That((first!.BlockedFor, first.StatusCode, first.ClientCondition), Is.EqualTo(((TimeSpan?)TimeSpan.FromSeconds(30), (HttpStatusCode?)(HttpStatusCode)418, UpbitClientCondition.Blocked)));
        Assert.That((second!.BlockedUntil, handler.Sent.Count), Is.EqualTo((RestTestRun.Start + TimeSpan.FromSeconds(30), 1)));
    }

    [Test]
    public void SendAsync_418WithoutDuration_BlockedPauseThenSendsAgain()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler, new UpbitRestOptions { BlockedPause = TimeSpan.FromSeconds(10) });
        handler.ThenStatus((HttpStatusCode)418, string.Empty).ThenJson("[]");

        var block = Assert.Throws<UpbitRestBlockedException>(() => RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"])));
        scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);
        var after = RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));

        Assert.That((block!.BlockedFor, after.Count), Is.EqualTo(((TimeSpan?)null, 0)));
        Assert.That(handler.Times, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(10) }));
    }

    [Test]
    public void SendAsync_CancelledWhileWaitingForPace_CancelsAndNeverSends()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Otherwise = _ => ScriptedHttpHandler.Json("[]");
        using var cancel = new CancellationTokenSource();

        Task? waiting = null;

        RestTestRun.Drive(scheduler, () =>
        {
            var first = Enumerable.Range(0, 10).Select(_ => client.GetTickersAsync(["KRW-BTC"])).ToArray();
            waiting = client.GetTickersAsync(["KRW-BTC"], cancel.Token);
            scheduler.Schedule(TimeSpan.FromMilliseconds(500), cancel.Cancel);
            return Task.WhenAll([.. first, Settled(waiting)]);
        });
        scheduler.AdvanceBy(TimeSpan.FromSeconds(5).Ticks);

        Assert.That((waiting!.IsCanceled, handler.Sent.Count), Is.EqualTo((true, 10)));
    }

    [Test]
    public void SendAsync_PreCancelledToken_NothingSent()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);

        var task = client.GetMarketsAsync(cancellationToken: new CancellationToken(canceled: true));

        Assert.That((task.IsCanceled, handler.Sent.Count), Is.EqualTo((true, 0)));
    }

    private static async Task Settled(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // NB: the cancellation is what the test checks, on the task itself.
        }
    }
}
