using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>How a book's units are held: one exactly-sized array per book, never the decoder's reused scratch.</summary>
public sealed partial class FrameDecoderTests
{
    [Test]
    public void TryDecode_FortyUnitsWithPadding_AllLevelsInOrderInExactArray()
    {
        var book = (Orderbook)Samples.DecodeOne(UnitsFrame(40, paddingAt: 7));

        var expected = Enumerable.Range(0, 40).Where(i => i != 7).Select(Level).ToArray();
        Assert.That((book.Units, ImmutableCollectionsMarshal.AsArray(book.Units)!.Length), Is.EqualTo((expected, 39)));
    }

    [Test]
    public void TryDecode_NextBookOnSameDecoder_EarlierBookUnchanged()
    {
        var decoder = new FrameDecoder();
        var output = new List<UpbitMessage>();
        Assert.That(decoder.TryDecode(Encoding.UTF8.GetBytes(UnitsFrame(40)), output, out _), Is.True);
        var first = (Orderbook)output[0];
        var firstUnits = first.Units.ToArray();

        output.Clear();
        Assert.That(decoder.TryDecode(Encoding.UTF8.GetBytes(UnitsFrame(3, offset: 1000)), output, out _), Is.True);
        var second = (Orderbook)output[0];

        Assert.That((first.Units, second.Units.Length, second.Units[0]), Is.EqualTo((firstUnits, 3, Level(1000))));
    }

    private static OrderbookUnit Level(int i) => new() { AskPrice = 1000m + i, BidPrice = 999m - (i % 999), AskSize = 0.5m + i, BidSize = 0.25m + i };

    private static string UnitsFrame(int count, int paddingAt = -1, int offset = 0)
    {
        var units = Enumerable.Range(offset, count).Select(i => i - offset == paddingAt
            ? """{"ap":0,"bp":0,"as":0,"bs":0}"""
            : string.Create(CultureInfo.InvariantCulture, $$"""{"ap":{{Level(i).AskPrice}},"bp":{{Level(i).BidPrice}},"as":{{Level(i).AskSize}},"bs":{{Level(i).BidSize}}}"""));
        return $$"""{"ty":"orderbook","cd":"KRW-BTC","tas":1,"tbs":2,"tms":3,"obu":[{{string.Join(',', units)}}],"st":"REALTIME"}""";
    }
}
