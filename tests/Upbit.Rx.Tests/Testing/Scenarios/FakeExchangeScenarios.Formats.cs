using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Testing.Scenarios;

public abstract partial class FakeExchangeScenarios
{
    [TestCase("DEFAULT", "{\"type\":\"ticker\",\"code\":\"KRW-BTC\"")]
    [TestCase("SIMPLE", "{\"ty\":\"ticker\",\"cd\":\"KRW-BTC\"")]
    [TestCase("JSON_LIST", "[{\"type\":\"ticker\",\"code\":\"KRW-BTC\"")]
    [TestCase("SIMPLE_LIST", "[{\"ty\":\"ticker\",\"cd\":\"KRW-BTC\"")]
    public async Task Format_EachValue_FramesUseItsKeysAndShape(string format, string start)
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("ticker", ["KRW-BTC"]), format));
        var frame = (await client.ReceiveAsync(1))[0];

        Assert.That(frame.Text, Does.StartWith(start));
        Assert.That(frame.Messages, Is.EqualTo(new[] { host.Exchange.Market.Ticker("KRW-BTC") }));
    }

    [Test]
    public async Task Format_ListFormatWithBatching_OneArrayPerBurst()
    {
        await using var host = await CreateHostAsync(Quiet with { ListFormatBatchSize = 5 });
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("ticker", ["KRW-BTC", "KRW-ETH", "KRW-XRP"]), "JSON_LIST"));
        var frame = (await client.ReceiveAsync(1))[0];
        await host.PassAsync(TimeSpan.FromMilliseconds(300));

        var market = host.Exchange.Market;
        Assert.That(frame.Messages, Is.EqualTo(new[] { market.Ticker("KRW-BTC"), market.Ticker("KRW-ETH"), market.Ticker("KRW-XRP") }));
        Assert.That(client.Frames, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Format_ListRequestWithSimple_SwitchesLiveStreamsOfTheConnection()
    {
        await using var host = await CreateHostAsync(Ticking);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Ticker("KRW-BTC"));
        await client.ReceiveAsync(1);
        await client.SendAsync(Requests.List("fmt", "SIMPLE"));
        var frames = await client.ReceiveAsync(6);

        var afterList = frames.SkipWhile(f => f.Message is not SubscriptionList).ToList();
        Assert.That(afterList[0].Text, Does.StartWith("{\"mthd\":\"LIST_SUBSCRIPTIONS\""));
        Assert.That(afterList.Skip(1).Select(f => f.Text[..6]), Is.All.EqualTo("{\"ty\":"));
        Assert.That(afterList, Has.Count.GreaterThanOrEqualTo(2));
    }

    [TestCase(true, "{\"type\":")]
    [TestCase(false, "{\"ty\":")]
    public async Task Format_RequestWithoutFormatAfterSimple_FollowsOption(bool resets, string start)
    {
        await using var host = await CreateHostAsync(Quiet with { MissingFormatResetsToDefault = resets });
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("ticker", ["KRW-BTC"]), "SIMPLE"));
        await client.ReceiveAsync(1);
        await client.SendAsync(Requests.Ticker("KRW-ETH"));
        var frames = await client.ReceiveAsync(2);

        Assert.That(frames[1].Text, Does.StartWith(start));
    }

    [Test]
    public async Task Format_FreshConnectionWithoutFormat_ServedAsDefault()
    {
        await using var host = await CreateHostAsync(Quiet with { MissingFormatResetsToDefault = false });
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("trade", ["KRW-XRP"])));
        var frame = (await client.ReceiveAsync(1))[0];

        Assert.That(frame.Text, Does.StartWith("{\"type\":\"trade\",\"code\":\"KRW-XRP\""));
        Assert.That(frame.Message, Is.EqualTo(host.Exchange.Market.Trade("KRW-XRP")));
    }

    [Test]
    public async Task Candle_Subscribe_SnapshotIsTheFormingCandleOnItsUtcWindow()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("candle.15m", ["KRW-BTC"])));
        var candle = (Candle)(await client.ReceiveAsync(1))[0].Message;

        Assert.That(candle, Is.EqualTo(host.Exchange.Market.Candle("KRW-BTC", CandleInterval.FifteenMinutes)));
        Assert.That(candle.StartsAt!.Value.Minute % 15, Is.EqualTo(0));
        Assert.That(candle.StartsAt.Value.Second, Is.EqualTo(0));
    }
}
