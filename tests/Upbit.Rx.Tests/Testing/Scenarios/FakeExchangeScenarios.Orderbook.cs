using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Testing.Scenarios;

public abstract partial class FakeExchangeScenarios
{
    [Test]
    public async Task Orderbook_UnitSuffixes_ExactlyNUnitsAndCodeWithoutSuffix()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("orderbook", ["KRW-BTC.1", "KRW-ETH.20", "KRW-XRP", "USDT-BTC.15"])));
        var books = (await client.ReceiveAsync(4)).Select(f => (Orderbook)f.Message).ToList();

        var market = host.Exchange.Market;
        Assert.Multiple(() =>
        {
            Assert.That(books.Select(b => (b.Code, b.Units.Length)), Is.EqualTo(new[] { ("KRW-BTC", 1), ("KRW-ETH", 30), ("KRW-XRP", 30), ("USDT-BTC", 15) }));
            Assert.That(books.Select(b => Unstamped(b)), Is.EqualTo(new[]
            {
                Unstamped(market.Orderbook("KRW-BTC", 1)!), Unstamped(market.Orderbook("KRW-ETH", 30)!),
                Unstamped(market.Orderbook("KRW-XRP", 30)!), Unstamped(market.Orderbook("USDT-BTC", 15)!),
            }));
        });
    }

    [Test]
    public async Task Orderbook_SupportedLevelOnKrwPair_GroupedBookEchoesLevel()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("orderbook", ["KRW-BTC"], ",\"level\":100000")));
        var book = (Orderbook)(await client.ReceiveAsync(1))[0].Message;

        Assert.Multiple(() =>
        {
            Assert.That(book.Level, Is.EqualTo(100000m));
            Assert.That(book.Units, Has.Length.EqualTo(30));
            Assert.That(book.Units.SelectMany(u => new[] { u.AskPrice % 100000m, u.BidPrice % 100000m }), Is.All.EqualTo(0m));
            Assert.That(book.Units.Zip(book.Units.Skip(1)).Select(p => p.Second.AskPrice - p.First.AskPrice), Is.All.EqualTo(100000m));
            Assert.That(book.TotalAskSize, Is.EqualTo(book.Units.Sum(u => u.AskSize)));
        });
    }

    [Test]
    public async Task Orderbook_UnsupportedLevelOrLevelOnNonKrwPair_NoDataNoError()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(
            Requests.TypeObject("orderbook", ["KRW-BTC"], ",\"level\":12345") + "," +
            Requests.TypeObject("orderbook", ["BTC-ETH", "USDT-BTC"], ",\"level\":1")));
        await host.PassAsync(TimeSpan.FromMilliseconds(300));

        Assert.That(client.Frames, Is.Empty);
        await AssertStillServingAsync(client);
    }

    [Test]
    public async Task Orderbook_ThinSide_PaddedWithZeroUnits()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();
        var widest = host.Exchange.Market.SupportedLevels("KRW-XRP")[^1];

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("orderbook", ["KRW-XRP.5"], $",\"level\":{widest}")));
        var book = (Orderbook)(await client.ReceiveAsync(1))[0].Message;

        Assert.Multiple(() =>
        {
            Assert.That(book.Units, Has.Length.EqualTo(5));
            Assert.That(book.Units.Select(u => (u.BidPrice, u.BidSize)), Is.All.EqualTo((0m, 0m)));
            Assert.That(book.Units.Select(u => u.AskPrice > 0m && u.AskSize > 0m), Is.All.True);
        });
    }

    [Test]
    public async Task Orderbook_Realtime_EveryFrameIsACompleteBook()
    {
        await using var host = await CreateHostAsync(Ticking);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("orderbook", ["KRW-ETH.15"])));
        var books = (await client.ReceiveAsync(3)).Select(f => (Orderbook)f.Message).ToList();

        Assert.That(books.Select(b => (b.StreamType, b.Units.Length, b.Units.Count(u => u.IsPadding))), Is.EqualTo(new[]
        {
            (StreamType.Snapshot, 15, 0), (StreamType.Realtime, 15, 0), (StreamType.Realtime, 15, 0),
        }));
    }
}
