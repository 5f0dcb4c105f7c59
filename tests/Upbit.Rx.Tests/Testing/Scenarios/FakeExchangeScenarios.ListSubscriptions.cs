using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Testing.Scenarios;

public abstract partial class FakeExchangeScenarios
{
    [Test]
    public async Task List_AfterSubscribe_RepliesWithSetAndThisRequestsTicket()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(
            Requests.TypeObject("ticker", ["KRW-BTC", "KRW-ETH"]) + "," + Requests.TypeObject("orderbook", ["KRW-BTC.5"], ",\"level\":10000")));
        await client.ReceiveAsync(3);
        await client.SendAsync(Requests.List("unique uuid"));
        var reply = (await client.ReceiveAsync(4))[3];

        Assert.That(reply, Is.EqualTo(new ReceivedFrame(false,
            "{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":[{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]}," +
            "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.5\"],\"level\":10000}],\"ticket\":\"unique uuid\"}")));
    }

    [Test]
    public async Task List_SimpleFormat_AbbreviatedKeys()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("orderbook", ["KRW-ETH"]), "SIMPLE_LIST"));
        await client.ReceiveAsync(1);
        await client.SendAsync(Requests.List("q"));
        var reply = (await client.ReceiveAsync(2))[1];

        Assert.That(reply.Text, Is.EqualTo("{\"mthd\":\"LIST_SUBSCRIPTIONS\",\"rslt\":[{\"ty\":\"orderbook\",\"cds\":[\"KRW-ETH\"],\"lv\":0}],\"tckt\":\"q\"}"));
    }

    [Test]
    public async Task List_DoesNotChangeTheSet_StreamsContinue()
    {
        await using var host = await CreateHostAsync(Ticking);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Ticker("KRW-XRP"));
        await client.ReceiveAsync(1);
        await client.SendAsync(Requests.List());
        var frames = await client.ReceiveAsync(5);

        var afterList = frames.SkipWhile(f => f.Message is not SubscriptionList).Skip(1).Select(f => f.Message).ToList();
        Assert.That(afterList, Is.Not.Empty);
        Assert.That(afterList.Select(m => m is Ticker { Code: "KRW-XRP", StreamType: StreamType.Realtime }), Is.All.True);
    }

    [Test]
    public async Task List_FreshConnection_EmptyResult()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync("[{\"method\":\"LIST_SUBSCRIPTIONS\"},{\"ticket\":\"first\"}]");
        var reply = (await client.ReceiveAsync(1))[0];

        Assert.That(reply.Text, Is.EqualTo("{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":[],\"ticket\":\"first\"}"));
    }

    [Test]
    public async Task List_PrivateConnection_MyAssetWithoutCodesAsDocumented()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync(isPrivate: true, Requests.Bearer(Quiet.AccessKey, Quiet.SecretKey));

        await client.SendAsync("[{\"ticket\":\"p\"},{\"type\":\"myAsset\"},{\"type\":\"myOrder\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]}]");
        await client.SendAsync(Requests.List("unique uuid"));
        var reply = (await client.ReceiveAsync(1))[0];

        // NB: the documented reply (upbit-samples/ws_list_subscriptions_private_upbit-docs.json), compacted.
        Assert.That(reply.Text, Is.EqualTo(
            "{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":[{\"type\":\"myAsset\"},{\"type\":\"myOrder\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]}],\"ticket\":\"unique uuid\"}"));
    }
}
