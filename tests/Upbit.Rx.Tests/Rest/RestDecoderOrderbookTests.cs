using System.Globalization;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Upbit.Rx.Rest;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Rest;

/// <summary>The REST decoder's order-book units: one exactly-sized array per book, past the pooled scratch's first size.</summary>
public sealed class RestDecoderOrderbookTests
{
    [Test]
    public void Orderbook_FortyUnitsWithPadding_AllLevelsInOrderInExactArray()
    {
        var books = Decode(Body(("KRW-BTC", 40, 7)));

        var expected = Enumerable.Range(0, 40).Where(i => i != 7).Select(Level).ToArray();
        Assert.That((books[0].Units, ImmutableCollectionsMarshal.AsArray(books[0].Units)!.Length), Is.EqualTo((expected, 39)));
    }

    [Test]
    public void Orderbook_TwoBooksInOneBody_EachKeepsItsOwnUnits()
    {
        var books = Decode(Body(("KRW-BTC", 30, -1), ("KRW-ETH", 2, -1)));

        Assert.That(
            books.Select(b => (b.Code, b.Units.Length, b.Units[^1])),
            Is.EqualTo(new[] { ("KRW-BTC", 30, Level(29)), ("KRW-ETH", 2, Level(1)) }));
    }

    [Test]
    public void Orderbook_UnitLacksBidSize_ClearErrorAndNextBodyDecodes()
    {
        var broken = Body(("KRW-BTC", 3, -1)).Replace(""","bid_size":1.25}""", "}", StringComparison.Ordinal);

        Assert.That(() => Decode(broken), Throws.TypeOf<RestFormatException>().With.Message.Contains("order-book unit has no 'bid_size'"));
        Assert.That(Decode(Body(("KRW-BTC", 3, -1)))[0].Units, Is.EqualTo(new[] { Level(0), Level(1), Level(2) }));
    }

    private static List<Orderbook> Decode(string body)
    {
        using var reader = new RestReader(new StringReader(body));
        return RestDecoder.List(reader, RestDecoder.Orderbook);
    }

    private static OrderbookUnit Level(int i) => new() { AskPrice = 1000m + i, BidPrice = 999m - i, AskSize = 0.5m + i, BidSize = 0.25m + i };

    private static string Body(params (string Code, int Count, int PaddingAt)[] books) => "[" + string.Join(',', books.Select(b =>
    {
        var units = Enumerable.Range(0, b.Count).Select(i => i == b.PaddingAt
            ? """{"ask_price":0,"bid_price":0,"ask_size":0,"bid_size":0}"""
            : string.Create(CultureInfo.InvariantCulture, $$"""{"ask_price":{{Level(i).AskPrice}},"bid_price":{{Level(i).BidPrice}},"ask_size":{{Level(i).AskSize}},"bid_size":{{Level(i).BidSize}}}"""));
        return $$"""{"market":"{{b.Code}}","timestamp":1,"total_ask_size":1,"total_bid_size":2,"orderbook_units":[{{string.Join(',', units)}}],"level":0}""";
    })) + "]";
}
