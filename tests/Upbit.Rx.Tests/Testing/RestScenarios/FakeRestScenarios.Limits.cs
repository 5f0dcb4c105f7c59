using NUnit.Framework;

namespace Upbit.Rx.Tests.Testing.RestScenarios;

public abstract partial class FakeRestScenarios
{
    [Test]
    public async Task Limit_ElevenTickersInASecond_SecCountsDownThenPlainText429()
    {
        await using var host = await CreateHostAsync(Quiet);
        var answers = new List<RestAnswer>();

        for (var i = 0; i < 11; i++)
        {
            answers.Add(await GetAsync(host, "/v1/ticker?markets=KRW-ETH"));
        }

        Assert.That(answers.Take(10).Select(a => a.Status), Is.All.EqualTo(200));
        Assert.That(answers.Take(10).Select(a => a.Header("Remaining-Req")),
            Is.EqualTo(Enumerable.Range(0, 10).Select(i => $"group=ticker; min=600; sec={9 - i}")));
        Assert.That(answers[10].Status, Is.EqualTo(429));
        Assert.That(answers[10].Body, Is.EqualTo("Too many API requests."));
        Assert.That(answers[10].ContentType, Does.StartWith("text/plain"));
    }

    [Test]
    public async Task Limit_TickerGroupExhausted_OtherGroupsStillServed()
    {
        await using var host = await CreateHostAsync(Quiet);
        for (var i = 0; i < 10; i++)
        {
            await GetAsync(host, "/v1/ticker/all?quote_currencies=KRW");
        }

        var candles = await GetAsync(host, "/v1/candles/seconds?market=KRW-BTC");
        var trades = await GetAsync(host, "/v1/trades/ticks?market=KRW-BTC");
        var ticker = await GetAsync(host, "/v1/ticker?markets=KRW-BTC");

        Assert.That((candles.Status, candles.Header("Remaining-Req")), Is.EqualTo((200, "group=candles; min=600; sec=9")));
        Assert.That((trades.Status, trades.Header("Remaining-Req")), Is.EqualTo((200, "group=crix-trades; min=600; sec=9")));
        Assert.That(ticker.Status, Is.EqualTo(429));
    }

    [Test]
    public async Task Limit_AfterASecond_GroupServedAgain()
    {
        await using var host = await CreateHostAsync(Quiet);
        for (var i = 0; i < 11; i++)
        {
            await GetAsync(host, "/v1/orderbook?markets=KRW-BTC");
        }

        await host.PassAsync(TimeSpan.FromMilliseconds(1100));
        var again = await GetAsync(host, "/v1/orderbook?markets=KRW-BTC");

        Assert.That((again.Status, again.Header("Remaining-Req")), Is.EqualTo((200, "group=orderbook; min=600; sec=9")));
    }

    [Test]
    public async Task Limit_Repeated429s_418WithBlockDurationForEveryGroupThenServedAgain()
    {
        await using var host = await CreateHostAsync(Quiet with { RestBlockAfter = 2, RestBlockDuration = TimeSpan.FromSeconds(1) });
        var statuses = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await GetAsync(host, "/v1/market/all")).Status);
        }

        var blocked = await GetAsync(host, "/v1/candles/days?market=KRW-BTC");
        await host.PassAsync(TimeSpan.FromMilliseconds(1200));
        var after = await GetAsync(host, "/v1/candles/days?market=KRW-BTC");

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(200, 10).Concat([429, 418])));
        Assert.That(blocked.Status, Is.EqualTo(418));
        Assert.That(blocked.Header("Retry-After"), Is.EqualTo("1"));
        Assert.That(blocked.Json.GetProperty("error").GetProperty("name").GetInt32(), Is.EqualTo(418));
        Assert.That(blocked.Json.GetProperty("error").GetProperty("message").GetString(), Does.Contain("1 seconds"));
        Assert.That(after.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Limit_SecondBlock_LastsTwiceAsLong()
    {
        await using var host = await CreateHostAsync(Quiet with { RestBlockAfter = 1, RestBlockDuration = TimeSpan.FromSeconds(1) });
        for (var i = 0; i < 11; i++)
        {
            await GetAsync(host, "/v1/market/all");
        }

        await host.PassAsync(TimeSpan.FromMilliseconds(1100));
        for (var i = 0; i < 10; i++)
        {
            await GetAsync(host, "/v1/market/all");
        }

        var second = await GetAsync(host, "/v1/market/all");

        Assert.That((second.Status, second.Header("Retry-After")), Is.EqualTo((418, "2")));
    }

    [Test]
    public async Task Limit_OriginHeader_OnePerTenSecondsInOriginGroup()
    {
        await using var host = await CreateHostAsync(Quiet);
        static void WithOrigin(HttpRequestMessage request) => request.Headers.Add("Origin", "https://example.test");

        var first = await GetAsync(host, "/v1/ticker?markets=KRW-BTC", WithOrigin);
        var second = await GetAsync(host, "/v1/ticker?markets=KRW-BTC", WithOrigin);
        var plain = await GetAsync(host, "/v1/ticker?markets=KRW-BTC");

        Assert.That((first.Status, first.Header("Remaining-Req")), Is.EqualTo((200, "group=origin; min=600; sec=0")));
        Assert.That(second.Status, Is.EqualTo(429));
        Assert.That(plain.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Log_EveryRequest_RecordedWithGroupAndStatus()
    {
        await using var host = await CreateHostAsync(Quiet);

        await GetAsync(host, "/v1/ticker?markets=KRW-BTC");
        await GetAsync(host, "/v1/candles/minutes/7?market=KRW-BTC");
        await GetAsync(host, "/v1/nothing");

        Assert.That(host.Exchange.RestRequests.Select(r => (r.Method, r.PathAndQuery, r.Group, r.Status)), Is.EqualTo(new[]
        {
            ("GET", "/v1/ticker?markets=KRW-BTC", (string?)"ticker", 200),
            ("GET", "/v1/candles/minutes/7?market=KRW-BTC", "candles", 400),
            ("GET", "/v1/nothing", null, 404),
        }));
    }
}
