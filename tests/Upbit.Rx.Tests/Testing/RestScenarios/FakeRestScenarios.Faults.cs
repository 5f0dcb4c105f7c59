using System.Text.Json;
using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing.RestScenarios;

public abstract partial class FakeRestScenarios
{
    [Test]
    public async Task Fault_Refuse_RequestFailsUncountedThenServedAgain()
    {
        await using var host = await CreateHostAsync(Quiet);
        host.Exchange.InjectRestFault(RestFault.Refuse());

        Assert.That(async () => await host.GetAsync("/v1/ticker?markets=KRW-BTC"), Throws.InstanceOf<HttpRequestException>());
        var after = await GetAsync(host, "/v1/ticker?markets=KRW-BTC");

        Assert.That((after.Status, after.Header("Remaining-Req")), Is.EqualTo((200, "group=ticker; min=600; sec=9")));
        Assert.That(host.Exchange.RestRequests.Select(r => (r.Group, r.Status)), Is.EqualTo(new[] { ((string?)null, 0), ("ticker", 200) }));
    }

    [Test]
    public async Task Fault_Status503_HtmlPageThen500JsonForTwoRequests()
    {
        await using var host = await CreateHostAsync(Quiet);
        host.Exchange.InjectRestFault(RestFault.Status(503));
        host.Exchange.InjectRestFault(RestFault.Status(500), count: 2);

        var unavailable = await GetAsync(host, "/v1/market/all");
        var failed = await GetAsync(host, "/v1/market/all");
        var failedAgain = await GetAsync(host, "/v1/market/all");
        var served = await GetAsync(host, "/v1/market/all");

        Assert.That((unavailable.Status, unavailable.ContentType), Is.EqualTo((503, "text/html; charset=UTF-8")).Or.EqualTo((503, "text/html;charset=UTF-8")));
        Assert.That(unavailable.Body, Does.StartWith("<html>"));
        Assert.That((failed.Status, failed.Body), Is.EqualTo((500, ErrorBody(500, "Internal server error"))));
        Assert.That(failedAgain.Status, Is.EqualTo(500));
        Assert.That(served.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Fault_MalformedBody_Status200WithInvalidJson()
    {
        await using var host = await CreateHostAsync(Quiet);
        host.Exchange.InjectRestFault(RestFault.MalformedBody(), pathPrefix: "/v1/candles");

        var ticker = await GetAsync(host, "/v1/ticker?markets=KRW-BTC");
        var candles = await GetAsync(host, "/v1/candles/days?market=KRW-BTC");

        Assert.That(ticker.Items, Has.Count.EqualTo(1), "a fault for another path leaves this one alone");
        Assert.That(candles.Status, Is.EqualTo(200));
        Assert.That(candles.Header("Remaining-Req"), Is.EqualTo("group=candles; min=600; sec=9"));
        Assert.That(() => JsonDocument.Parse(candles.Body), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public async Task Fault_Cleared_NoLongerApplies()
    {
        await using var host = await CreateHostAsync(Quiet);
        host.Exchange.InjectRestFault(RestFault.Status(502), count: 5);
        host.Exchange.ClearRestFaults();

        var answer = await GetAsync(host, "/v1/market/all");

        Assert.That(answer.Status, Is.EqualTo(200));
    }
}
