using System.Text;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Protocol;

namespace Upbit.Rx.Tests;

public sealed class UpbitDecoderTests
{
    [Test]
    public void Decode_TradeSampleBytes_SuccessWithRecord()
    {
        var result = UpbitDecoder.Decode(Samples.Bytes(Samples.TradeBtc));

        Assert.That((result.IsSuccess, result.Error, result.Messages, result.ToString()), Is.EqualTo((true, (string?)null, new UpbitMessage[] { ExpectedRecords.TradeBtc }, "1 message(s)")));
    }

    [Test]
    public void Decode_Text_SameAsBytes()
    {
        var result = UpbitDecoder.Decode(Encoding.UTF8.GetString(Samples.Bytes(Samples.ListPrivate)));

        Assert.That(result.Messages, Is.EqualTo(new UpbitMessage[] { ExpectedRecords.ListPrivate }));
    }

    [Test]
    public void Decode_SpanOfSimpleList_AllMessages()
    {
        var result = UpbitDecoder.Decode("""[{"status":"UP"},{"ty":"indicator"}]"""u8);

        Assert.That(result.Messages, Is.EqualTo(new UpbitMessage[] { new ServerStatus { Status = "UP" }, new UnknownMessage { Type = "indicator" } }));
    }

    [Test]
    public void Decode_NullBytes_ErrorResult()
    {
        var result = UpbitDecoder.Decode((byte[]?)null);

        Assert.That((result.IsSuccess, result.Error, result.Messages.Count, result.ToString()), Is.EqualTo((false, "The frame is null.", 0, "Error: The frame is null.")));
    }

    [Test]
    public void Decode_NullText_ErrorResult()
    {
        Assert.That(UpbitDecoder.Decode((string?)null).Error, Is.EqualTo("The frame is null."));
    }

    [Test]
    public void Decode_EmptyText_ErrorResult()
    {
        Assert.That(UpbitDecoder.Decode(string.Empty).Error, Is.EqualTo("The frame is empty."));
    }

    [Test]
    public void Decode_RootIsString_ErrorResultNotException()
    {
        Assert.That(UpbitDecoder.Decode("\"UP\"").Error, Is.EqualTo("The root is a String; expected an object or an array of objects (path '', line 1, position 4)."));
    }

    [Test]
    public void Decode_ManyThreadsAtOnce_EachGetsItsOwnRecords()
    {
        var frames = Samples.All.Select(Samples.Bytes).ToArray();
        var expected = frames.Select(f => UpbitDecoder.Decode(f).Messages[0]).ToArray();

        var mismatches = 0;
        Parallel.For(0, 2000, i =>
        {
            if (!UpbitDecoder.Decode(frames[i % frames.Length]).Messages[0].Equals(expected[i % frames.Length]))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.That(mismatches, Is.Zero);
    }
}
