using NUnit.Framework;
namespace Upbit.Rx.Tests.Testing.Scenarios;

public abstract partial class FakeExchangeScenarios
{
    [Test]
    public async Task Fault_PushFrames_RawBytesBinaryAndTextDeliveredAsGiven()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();
        var id = host.Exchange.Connections.Single().Id;

        host.Exchange.PushFrame(id, "{\"status\":\"UP\"}");
        host.Exchange.PushTextFrame(id, "plain text");
        host.Exchange.PushMalformedFrame(id);
        host.Exchange.PushOversizedFrame(id, 4096);
        var frames = await client.ReceiveAsync(4);

        Assert.Multiple(() =>
        {
            Assert.That(frames[0], Is.EqualTo(new ReceivedFrame(false, "{\"status\":\"UP\"}")));
            Assert.That(frames[1], Is.EqualTo(new ReceivedFrame(true, "plain text")));
            Assert.That(UpbitDecoder.Decode(frames[2].Text).IsSuccess, Is.False);
            Assert.That(frames[3].Text, Has.Length.EqualTo(4096));
            Assert.That(frames[3].Text, Does.StartWith("{\"status\":\"UP\",\"padding\":\"xxx"));
        });
    }

    [Test]
    public async Task Fault_Drop_ClientSeesAbruptEnd()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        host.Exchange.Drop(host.Exchange.Connections.Single().Id);

        Assert.That(await client.EndAsync(), Is.EqualTo(ClientEnd.Dropped));
        Assert.That(host.Exchange.Connections.Single().CloseCode, Is.EqualTo(1006));
    }

    [Test]
    public async Task Fault_SendError_ErrorFrameThenClose1000()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        host.Exchange.SendError(host.Exchange.Connections.Single().Id, "TOO_MANY_SUBSCRIBE", "simulated");

        await AssertErrorThenCloseAsync(client, ErrorJson("TOO_MANY_SUBSCRIBE", "simulated"));
    }

    [Test]
    public async Task Fault_Stall_NoStatusNoDataAndNoIdleClose()
    {
        await using var host = await CreateHostAsync(Ticking);
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Requests.Ticker("KRW-BTC"));
        await client.ReceiveAsync(1);

        host.Exchange.Stall(host.Exchange.Connections.Single().Id);
        await host.PassAsync(TimeSpan.FromMilliseconds(300));
        var before = client.Frames.Count;
        await client.SendAsync("PING");
        await host.PassAsync(Quiet.IdleTimeout + TimeSpan.FromMilliseconds(500));

        Assert.That(client.Frames, Has.Count.EqualTo(before));
        Assert.That(host.Exchange.Connections.Single().IsOpen, Is.True);
    }

    [Test]
    public async Task Observation_RequestsAndConnections_RecordedWithIdsAndCloseCodes()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using (var client = await host.ConnectAsync())
        {
            await client.SendAsync("PING");
            await client.SendAsync(Requests.Ticker("KRW-BTC"));
            await client.ReceiveAsync(2);
        }

        await using var second = await host.ConnectAsync();
        await second.SendAsync("hello");
        await second.EndAsync();

        var exchange = host.Exchange;
        Assert.Multiple(() =>
        {
            Assert.That(exchange.Requests.Select(r => (r.ConnectionId, r.Text)), Is.EqualTo(new[]
            {
                (1, "PING"), (1, Requests.Ticker("KRW-BTC")), (2, "hello"),
            }));
            Assert.That(exchange.Connections.Select(c => (c.Id, c.Path, c.CloseCode)), Is.EqualTo(new[]
            {
                (1, "/websocket/v1", (int?)1000), (2, "/websocket/v1", (int?)1000),
            }));
            Assert.That(exchange.Connections.Select(c => c.ClosedAt >= c.OpenedAt), Is.All.True);
        });
    }
}
