using NUnit.Framework;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Testing.Scenarios;

using Upbit.Rx.Transport;

namespace Upbit.Rx.Tests.Testing;

/// <summary>The shared behaviour scenarios against the in-memory host on a TestScheduler, plus the exact timings
/// that only virtual time can pin down.</summary>
[TestFixture]
public sealed class FakeUpbitExchangeTests : FakeExchangeScenarios
{
    private static readonly long s_ms = TimeSpan.TicksPerMillisecond;

    protected override Task<IExchangeHost> CreateHostAsync(FakeExchangeOptions options) => Task.FromResult<IExchangeHost>(new VirtualHost(options));

    [Test]
    public async Task Ping_DefaultOptions_UpAtOnceThenEveryTenSeconds()
    {
        await using var host = new VirtualHost(new FakeExchangeOptions { Market = Quiet.Market });
        var times = new List<long>();
        await using var client = await host.ConnectAsync();
        host.Scheduler.AdvanceTo(1000 * s_ms);

        await client.SendAsync("PING");
        for (var i = 1; i <= 3; i++)
        {
            await client.ReceiveAsync(i);
            times.Add(host.Scheduler.Clock);
        }

        Assert.That(times, Is.EqualTo(new[] { 1000 * s_ms + 1 + 1, 11000 * s_ms + 1, 21000 * s_ms + 1 }).Within(s_ms));
    }

    [Test]
    public async Task Ping_DefaultOptions_ExactlyOneUpPerTenSecondWindow()
    {
        await using var host = new VirtualHost(new FakeExchangeOptions { Market = Quiet.Market });
        await using var client = await host.ConnectAsync();
        var counts = new List<int>();

        await client.SendAsync("PING");
        foreach (var step in new[] { 9.9, 0.2, 9.7, 0.3 })
        {
            await host.PassAsync(TimeSpan.FromSeconds(step));
            counts.Add(client.Frames.Count);
        }

        Assert.That(counts, Is.EqualTo(new[] { 1, 2, 2, 3 }));
    }

    [Test]
    public async Task Idle_DefaultOptionsNoTraffic_OpenAt59Point9SecondsDroppedAtSixty()
    {
        await using var host = new VirtualHost(new FakeExchangeOptions { Market = Quiet.Market });
        await using var client = await host.ConnectAsync();

        await host.PassAsync(TimeSpan.FromSeconds(59.9));
        var openAt59Point9 = host.Exchange.Connections.Single().IsOpen;
        var end = await client.EndAsync();
        var record = host.Exchange.Connections.Single();

        Assert.That(openAt59Point9, Is.True);
        Assert.That(end, Is.EqualTo(ClientEnd.Dropped));
        Assert.That(record.ClosedAt - record.OpenedAt, Is.EqualTo(TimeSpan.FromSeconds(60).Ticks).Within(s_ms));
    }

    [Test]
    public async Task Idle_DefaultOptions_DroppedSixtySecondsAfterLastFrame()
    {
        await using var host = new VirtualHost(new FakeExchangeOptions { Market = Quiet.Market });
        await using var client = await host.ConnectAsync();
        await host.PassAsync(TimeSpan.FromSeconds(30));
        await client.SendAsync(Requests.Ticker("KRW-BTC"));
        var lastTraffic = host.Scheduler.Clock;

        await host.PassAsync(TimeSpan.FromSeconds(59));
        var openAt59 = host.Exchange.Connections.Single().IsOpen;
        await client.EndAsync();

        Assert.That(openAt59, Is.True);
        Assert.That(host.Exchange.Connections.Single().ClosedAt, Is.EqualTo(lastTraffic + TimeSpan.FromSeconds(60).Ticks).Within(2 * s_ms));
    }

    [Test]
    public async Task Error_DefaultOptions_CloseFollowsErrorFrameAfter300Milliseconds()
    {
        await using var host = new VirtualHost(new FakeExchangeOptions { Market = Quiet.Market });
        await using var client = await host.ConnectAsync();

        await client.SendAsync("hello");
        await client.ReceiveAsync(1);
        var errorAt = host.Scheduler.Clock;
        await client.EndAsync();

        Assert.That(host.Exchange.Connections.Single().ClosedAt - errorAt, Is.EqualTo(300 * s_ms).Within(2 * s_ms));
    }

    [Test]
    public async Task SlowDown_PerFrameDelay_FramesArriveLaterInOrder()
    {
        await using var host = new VirtualHost(Quiet);
        await using var client = await host.ConnectAsync();
        host.Exchange.SlowDown(1, TimeSpan.FromSeconds(1));
        await host.PassAsync(TimeSpan.FromMilliseconds(1));
        var sentAt = host.Scheduler.Clock;

        await client.SendAsync(Requests.Ticker("KRW-BTC", "KRW-ETH"));
        var frames = await client.ReceiveAsync(2);

        Assert.That(host.Scheduler.Clock - sentAt, Is.EqualTo(TimeSpan.FromSeconds(1).Ticks).Within(2 * s_ms));
        Assert.That(frames.Select(f => f.Text.Contains("KRW-BTC", StringComparison.Ordinal)), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public async Task Script_PushFrameWithDelay_ArrivesAtThatVirtualTime()
    {
        await using var host = new VirtualHost(Quiet);
        await using var client = await host.ConnectAsync();
        var start = host.Scheduler.Clock;

        host.Exchange.PushFrame(1, "{\"status\":\"UP\"}", TimeSpan.FromMilliseconds(700));
        await client.ReceiveAsync(1);

        Assert.That(host.Scheduler.Clock - start, Is.EqualTo(700 * s_ms).Within(2 * s_ms));
    }

    [Test]
    public async Task Requests_Received_StampedWithVirtualTime()
    {
        await using var host = new VirtualHost(Quiet with { IdleTimeout = TimeSpan.FromMinutes(5) });
        await using var client = await host.ConnectAsync();
        host.Scheduler.AdvanceTo(5000 * s_ms);

        await client.SendAsync("PING");

        Assert.That(host.Exchange.Requests, Is.EqualTo(new[] { new ReceivedRequest(5000 * s_ms, 1, "PING") }));
        Assert.That(host.Exchange.Connections.Single().OpenedAt, Is.EqualTo(1L));
    }

    [Test]
    public async Task Limit_DefaultConnectLimit_SixthWithinASecondRefusedAndAcceptedAfterIt()
    {
        await using var host = new VirtualHost(Quiet with { ConnectsPerSecond = new FakeExchangeOptions().ConnectsPerSecond });
        for (var i = 0; i < 5; i++)
        {
            await host.ConnectAsync();
        }

        var refused = await CatchAsync(() => host.ConnectAsync());
        await host.PassAsync(TimeSpan.FromSeconds(1));
        await host.ConnectAsync();

        Assert.That(refused?.Message, Does.Contain("'429'"));
        Assert.That(host.Exchange.Connections, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task Ping_SubscribedSocketWithKoreanHostBehaviour_NoStatusCycle()
    {
        await using var host = new VirtualHost(Quiet with { AnswerPingWhenSubscribed = false, IdleTimeout = TimeSpan.FromMinutes(5) });
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Requests.Ticker("KRW-BTC"));
        await client.ReceiveAsync(1);

        await client.SendAsync("PING");
        await host.PassAsync(TimeSpan.FromSeconds(30));

        Assert.That(client.Frames, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Connect_UnknownPath_RefusedWith404()
    {
        await using var host = new VirtualHost(Quiet);
        var client = new VirtualClient(host);

        client.Attach(host.Exchange.Transport.Connect(new TransportRequest(new Uri("wss://fake-upbit.invalid/websocket/v2"), [], false, 1024)));
        host.Until(() => client.Failure is not null);

        Assert.That(client.Failure?.Message, Does.Contain("'404'"));
        Assert.That(host.Exchange.Connections, Is.Empty);
    }

    [Test]
    public async Task Frame_LargerThanClientLimit_ClientFailsAndConnectionRecorded1009()
    {
        await using var host = new VirtualHost(Quiet);
        var client = new VirtualClient(host);
        client.Attach(host.Exchange.Transport.Connect(new TransportRequest(FakeUpbitExchange.PublicEndpoint, [], false, 1024)));
        host.Until(() => client.Channel is not null);

        host.Exchange.PushOversizedFrame(1, 2048);
        host.Until(() => client.Failure is not null);

        Assert.That(client.Failure, Is.InstanceOf<System.Net.WebSockets.WebSocketException>());
        Assert.That(host.Exchange.Connections.Single().CloseCode, Is.EqualTo(1009));
    }
}
