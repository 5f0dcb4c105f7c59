using NUnit.Framework;
namespace Upbit.Rx.Tests.Testing.Scenarios;

public abstract partial class FakeExchangeScenarios
{
    private const string Up = "{\"status\":\"UP\"}";

    [Test]
    public async Task Ping_TextPing_StatusUpNowAndEveryInterval()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync("PING");
        var frames = await client.ReceiveAsync(3);

        Assert.That(frames, Is.EqualTo(Enumerable.Repeat(new ReceivedFrame(false, Up), 3)));
    }

    [Test]
    public async Task Idle_NoTrafficEitherWay_DroppedWithoutCloseFrame()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        var end = await client.EndAsync();
        var record = host.Exchange.Connections.Single();

        Assert.That(end, Is.EqualTo(ClientEnd.Dropped));
        Assert.That(record.CloseCode, Is.EqualTo(1006));
        Assert.That(record.ClosedAt - record.OpenedAt, Is.GreaterThanOrEqualTo(Quiet.IdleTimeout.Ticks));
        Assert.That(client.Frames, Is.Empty);
    }

    [Test]
    public async Task Idle_StatusCycleRunning_ConnectionOutlivesIdleTimeout()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync("PING");
        await host.PassAsync(Quiet.IdleTimeout * 2);

        Assert.That(host.Exchange.Connections.Single().IsOpen, Is.True);
        await AssertStillServingAsync(client);
    }
}
