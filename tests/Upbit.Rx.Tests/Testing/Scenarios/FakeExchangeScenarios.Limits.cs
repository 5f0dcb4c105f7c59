using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing.Scenarios;

public abstract partial class FakeExchangeScenarios
{
    private static readonly string s_tooMany = ErrorJson("TOO_MANY_REQUESTS", "요청 수가 너무 많습니다.");

    [Test]
    public async Task Limit_SixRequestsWithinASecond_SixthGetsErrorThenClose()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        for (var i = 0; i < 6; i++)
        {
            await client.SendAsync(Requests.List($"q{i}"));
        }

        var frames = await client.ReceiveAsync(6);
        var end = await client.EndAsync();

        Assert.That(frames.Take(5).Select(f => f.Text.Contains("\"ticket\":\"q", StringComparison.Ordinal)), Is.All.True);
        Assert.That(frames[5].Text, Is.EqualTo(s_tooMany));
        Assert.That(end, Is.EqualTo(ClientEnd.Closed(1000)));
    }

    [Test]
    public async Task Limit_IgnoreBehaviour_OverLimitRequestDroppedConnectionKept()
    {
        await using var host = await CreateHostAsync(Quiet with { RequestLimit = RequestLimitBehavior.Ignore });
        await using var client = await host.ConnectAsync();

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(Requests.List($"q{i}"));
        }

        await client.SendAsync(Requests.Ticker("KRW-BTC"));
        await client.ReceiveAsync(5);
        await host.PassAsync(TimeSpan.FromMilliseconds(1100));
        await AssertStillServingAsync(client);

        Assert.That(client.Frames, Has.Count.EqualTo(6));
        Assert.That(client.Frames[5].Text, Does.Contain("\"result\":[]"));
    }

    [Test]
    public async Task Limit_PerMinute_CountsAcrossSeconds()
    {
        await using var host = await CreateHostAsync(Quiet with { RequestsPerMinute = 7 });
        await using var client = await host.ConnectAsync();

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(Requests.List($"a{i}"));
        }

        await client.ReceiveAsync(5);
        await host.PassAsync(TimeSpan.FromMilliseconds(1100));
        for (var i = 0; i < 3; i++)
        {
            await client.SendAsync(Requests.List($"b{i}"));
        }

        var frames = await client.ReceiveAsync(8);

        Assert.That(frames[7].Text, Is.EqualTo(s_tooMany));
        Assert.That(await client.EndAsync(), Is.EqualTo(ClientEnd.Closed(1000)));
    }

    [Test]
    public async Task Limit_ConnectsOverLimitWithinASecond_RefusedWith429()
    {
        // NB: a limit of 2 keeps the real-socket run well inside one second; the default 5 is pinned in virtual time.
        await using var host = await CreateHostAsync(Quiet with { ConnectsPerSecond = 2 });
        var clients = new List<IFakeClient>();
        for (var i = 0; i < 2; i++)
        {
            clients.Add(await host.ConnectAsync());
        }

        var error = await CatchAsync(() => host.ConnectAsync());

        Assert.That(error?.Message, Does.Contain("'429'"));
        Assert.That(host.Exchange.Connections, Has.Count.EqualTo(2));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Test]
    public async Task Fault_RefuseNextConnections_RefusedThenAccepted()
    {
        await using var host = await CreateHostAsync(Quiet);
        host.Exchange.RefuseNextConnections(2);

        var first = await CatchAsync(() => host.ConnectAsync());
        var second = await CatchAsync(() => host.ConnectAsync());
        await using var third = await host.ConnectAsync();

        Assert.That(new[] { first?.Message, second?.Message }, Is.All.Contains("'429'"));
        Assert.That(host.Exchange.Connections, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Upgrades_RefusedThenAccepted_EveryAttemptRecordedWithItsStatus()
    {
        await using var host = await CreateHostAsync(Quiet);
        host.Exchange.RefuseNextConnections(1);

        await CatchAsync(() => host.ConnectAsync());
        await using var accepted = await host.ConnectAsync();

        Assert.That(host.Exchange.Upgrades.Select(u => (u.Path, u.Status, u.Accepted)), Is.EqualTo(new[]
        {
            (ConnectionRecord.PublicPath, 429, false),
            (ConnectionRecord.PublicPath, 101, true),
        }));
        Assert.That(host.Exchange.Upgrades[1].Ticks, Is.LessThanOrEqualTo(host.Exchange.Connections.Single().OpenedAt));
    }
}
