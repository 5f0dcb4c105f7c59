using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Testing.Scenarios;

public abstract partial class FakeExchangeScenarios
{
    [Test]
    public async Task Subscribe_TwoTickerCodes_OneBinarySnapshotPerCodeAndNothingElse()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Ticker("KRW-BTC", "KRW-ETH"));
        var frames = await client.ReceiveAsync(2);
        await host.PassAsync(TimeSpan.FromMilliseconds(500));

        var market = host.Exchange.Market;
        Assert.Multiple(() =>
        {
            Assert.That(frames.Select(f => f.IsText), Is.EqualTo(new[] { false, false }));
            Assert.That(frames.Select(f => f.Message), Is.EqualTo(new UpbitMessage[] { market.Ticker("KRW-BTC"), market.Ticker("KRW-ETH") }));
            Assert.That(client.Frames, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Subscribe_UnknownAndLowerCaseCodes_IgnoredSilentlyAndValidOnesServed()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Ticker("KRW-NOPE", "krw-btc", "KRW-ETH", "IDR-BTC"));
        var frames = await client.ReceiveAsync(1);
        await host.PassAsync(TimeSpan.FromMilliseconds(300));

        Assert.That(frames[0].Message, Is.EqualTo(host.Exchange.Market.Ticker("KRW-ETH")));
        Assert.That(client.Frames, Has.Count.EqualTo(1));
        await AssertStillServingAsync(client);
    }

    [Test]
    public async Task Subscribe_855Codes_EveryListedCodeServed()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();
        var listed = host.Exchange.Market.Codes;
        var codes = Enumerable.Range(0, 855 - listed.Count).Select(i => $"KRW-X{i}").Concat(listed).ToArray();

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("trade", codes)));
        var frames = await client.ReceiveAsync(listed.Count);

        Assert.That(frames.Select(f => ((Trade)f.Message).Code), Is.EqualTo(listed));
    }

    [Test]
    public async Task Subscribe_MarketTicks_SnapshotThenRealtimeFrames()
    {
        await using var host = await CreateHostAsync(Ticking);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Ticker("KRW-BTC"));
        var frames = await client.ReceiveAsync(3);

        var tickers = frames.Select(f => (Ticker)f.Message).ToList();
        Assert.That(tickers.Select(t => (t.Code, t.StreamType)), Is.EqualTo(new[]
        {
            ("KRW-BTC", StreamType.Snapshot), ("KRW-BTC", StreamType.Realtime), ("KRW-BTC", StreamType.Realtime),
        }));
    }

    [Test]
    public async Task Subscribe_SecondRequestOtherTicket_ReplacesWholeSet()
    {
        await using var host = await CreateHostAsync(Ticking);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Ticker("KRW-BTC"));
        await client.ReceiveAsync(1);
        await client.SendAsync("[{\"ticket\":\"other\"}," + Requests.TypeObject("trade", ["KRW-ETH"]) + "]");
        var frames = await client.ReceiveAsync(6);

        var afterReplace = frames.Skip(1).SkipWhile(f => f.Message is Ticker).Select(f => f.Message).ToList();
        Assert.That(afterReplace, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(afterReplace.Select(m => m is Trade { Code: "KRW-ETH" }), Is.All.True);
        Assert.That(((Trade)afterReplace[0]).StreamType, Is.EqualTo(StreamType.Snapshot));
    }

    [Test]
    public async Task Subscribe_FlagsPerTypeObject_SnapshotOnlyAndRealtimeOnlyHonouredSeparately()
    {
        await using var host = await CreateHostAsync(Ticking);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(
            Requests.TypeObject("ticker", ["KRW-BTC"], ",\"is_only_snapshot\":true") + "," +
            Requests.TypeObject("trade", ["KRW-BTC"], ",\"is_only_realtime\":true")));
        var frames = await client.ReceiveAsync(4);

        Assert.That(frames.Select(f => (f.Message.GetType().Name, ((IMarketMessage)f.Message).StreamType)), Is.EqualTo(new[]
        {
            ("Ticker", StreamType.Snapshot), ("Trade", StreamType.Realtime), ("Trade", StreamType.Realtime), ("Trade", StreamType.Realtime),
        }));
    }

    [Test]
    public async Task Subscribe_TwoObjectsOfOneType_EachServedWithItsOwnOptions()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(
            Requests.TypeObject("orderbook", ["KRW-BTC.5"], ",\"level\":10000") + "," +
            Requests.TypeObject("orderbook", ["KRW-ETH.15"])));
        var frames = await client.ReceiveAsync(2);

        var market = host.Exchange.Market;
        Assert.That(frames.Select(f => Unstamped(f.Message)), Is.EqualTo(new[]
        {
            Unstamped(market.Orderbook("KRW-BTC", 5, 10000m)!), Unstamped(market.Orderbook("KRW-ETH", 15)!),
        }));
    }
}
