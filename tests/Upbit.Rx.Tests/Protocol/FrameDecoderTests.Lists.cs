using System.Text;
using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>JSON_LIST / SIMPLE_LIST roots: arrays of any length.</summary>
public sealed partial class FrameDecoderTests
{
    private static byte[] ListOf(params string[] samples) =>
        Encoding.UTF8.GetBytes("[" + string.Join(",", samples.Select(s => Encoding.UTF8.GetString(Samples.Bytes(s)))) + "]");

    [Test]
    public void TryDecode_ArrayOfOneDefaultTrade_OneRecord()
    {
        Assert.That(Samples.DecodeAll(ListOf(Samples.TradeBtc)), Is.EqualTo(new UpbitMessage[] { ExpectedRecords.TradeBtc }));
    }

    [Test]
    public void TryDecode_ArrayOfOneSimpleTrade_OneRecord()
    {
        Assert.That(Samples.DecodeAll(Encoding.UTF8.GetBytes("[" + SimpleTrade + "]")), Is.EqualTo(new UpbitMessage[] { ExpectedRecords.TradeBtc }));
    }

    [Test]
    public void TryDecode_ArrayOfSeveralTypes_AllInFrameOrder()
    {
        var messages = Samples.DecodeAll(ListOf(Samples.TickerSnapshot, Samples.TradeBtc, Samples.MyAsset, Samples.StatusUp, Samples.ListPrivate));

        Assert.That(messages, Is.EqualTo(new UpbitMessage[]
        {
            ExpectedRecords.TickerSnapshot, ExpectedRecords.TradeBtc, ExpectedRecords.MyAsset, new ServerStatus { Status = "UP" }, ExpectedRecords.ListPrivate,
        }));
    }

    [Test]
    public void TryDecode_EmptyArray_SuccessWithNoMessages()
    {
        Assert.That(Samples.DecodeAll("[ ]"u8.ToArray()), Is.Empty);
    }

    [Test]
    public void TryDecode_OutputAlreadyHoldsMessages_AppendsAfterThem()
    {
        var output = new List<UpbitMessage> { new ServerStatus { Status = "UP" } };

        var ok = new Upbit.Rx.Protocol.FrameDecoder().TryDecode(Samples.Bytes(Samples.TradeBtc), output, out _);

        Assert.That((ok, output), Is.EqualTo((true, new List<UpbitMessage> { new ServerStatus { Status = "UP" }, ExpectedRecords.TradeBtc })));
    }

    [Test]
    public void TryDecode_SameDecoderManyFrames_NoStateLeaksBetweenFrames()
    {
        var decoder = new Upbit.Rx.Protocol.FrameDecoder();
        var output = new List<UpbitMessage>();
        foreach (var sample in new[] { Samples.MyOrder, Samples.TradeBtc, Samples.TickerLegacy2018, Samples.OrderbookBtc, Samples.Candle1m })
        {
            Assert.That(decoder.TryDecode(Samples.Bytes(sample), output, out var error), Is.True, error);
        }

        Assert.That(
            output,
            Is.EqualTo(new UpbitMessage[] { ExpectedRecords.MyOrder, ExpectedRecords.TradeBtc, ExpectedRecords.TickerLegacy2018, ExpectedRecords.OrderbookBtc, ExpectedRecords.Candle1m }));
    }
}
