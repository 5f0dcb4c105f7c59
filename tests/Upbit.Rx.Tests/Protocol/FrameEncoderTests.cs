using System.Text;
using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

public sealed class FrameEncoderTests
{
    private static readonly WireFormat[] Formats = [WireFormat.Default, WireFormat.Simple, WireFormat.JsonList, WireFormat.SimpleList];

    private static IEnumerable<TestCaseData> SamplesInEveryFormat() =>
        from sample in Samples.All
        from format in Formats
        select new TestCaseData(sample, format).SetArgDisplayNames(sample, format.ToString());

    [TestCaseSource(nameof(SamplesInEveryFormat))]
    public void Encode_DecodedSample_DecodesToEqualRecord(string sample, WireFormat format)
    {
        var decoded = Samples.DecodeOne(Samples.Bytes(sample));

        var roundTripped = Samples.DecodeOne(FrameEncoder.EncodeUtf8(decoded, format));

        Assert.That(roundTripped, Is.EqualTo(decoded));
    }

    [TestCaseSource(nameof(SamplesInEveryFormat))]
    public void Encode_DecodedSample_UsesOnlyKeysOfItsNaming(string sample, WireFormat format)
    {
        var json = FrameEncoder.Encode(Samples.DecodeOne(Samples.Bytes(sample)), format);

        var simple = format is WireFormat.Simple or WireFormat.SimpleList;
        var foreign = WireNames.Fields.ToArray()
            .Where(f => f.Default != f.Simple)
            .Select(f => "\"" + f.Name(!simple) + "\":")
            .Where(key => !WireNames.Fields.ToArray().Any(f => "\"" + f.Name(simple) + "\":" == key))
            .Where(key => json.Contains(key, StringComparison.Ordinal))
            .ToArray();
        Assert.That((foreign, json[0]), Is.EqualTo((Array.Empty<string>(), format is WireFormat.JsonList or WireFormat.SimpleList ? '[' : '{')));
    }

    [Test]
    public void Encode_SimpleTrade_ExactTextWithTdAndExactSequentialId()
    {
        var trade = ExpectedRecords.TradeBtc with { SequentialId = 17877285547970001 };

        Assert.That(
            FrameEncoder.Encode(trade, WireFormat.Simple),
            Is.EqualTo("""{"ty":"trade","cd":"KRW-BTC","tp":109847000.0,"tv":0.00509799,"ab":"ASK","pcp":109165000.0,"c":"RISE","cp":682000.0,"td":"2026-08-26","ttm":"07:15:54","ttms":1787728554797,"tms":1787728554853,"sid":17877285547970001,"bap":109867000,"bas":0.0099545,"bbp":109847000,"bbs":0.1583673,"st":"SNAPSHOT"}"""));
    }

    [Test]
    public void Encode_SimpleTicker_TradeDateIsTdt()
    {
        Assert.That(FrameEncoder.Encode(ExpectedRecords.TickerSnapshot, WireFormat.Simple), Does.Contain("\"tdt\":\"20250926\",\"ttm\":\"082645\""));
    }

    [Test]
    public void Encode_DefaultTicker_ExactDecimalsWithoutExponent()
    {
        var ticker = ExpectedRecords.TickerSnapshot with { ChangePrice = 0.00000000m, TradeVolume = 0.0000000000000000000000000001m };

        var json = FrameEncoder.Encode(ticker, WireFormat.Default);

        Assert.That(json, Does.Contain("\"change_price\":0.00000000,").And.Contain("\"trade_volume\":0.0000000000000000000000000001,").And.Contain("\"acc_trade_price\":95078733694.3792000000000000,"));
    }

    [Test]
    public void Encode_ControlMessagesInDefaultAndSimple_ExactText()
    {
        UpbitMessage[] messages = [new ServerStatus { Status = "UP" }, new ServerError { Name = "NO_TICKET", Message = "티켓" }, ExpectedRecords.ListPublic];

        Assert.That(
            messages.SelectMany(m => new[] { FrameEncoder.Encode(m, WireFormat.Default), FrameEncoder.Encode(m, WireFormat.Simple) }),
            Is.EqualTo(new[]
            {
                """{"status":"UP"}""",
                """{"status":"UP"}""",
                """{"error":{"name":"NO_TICKET","message":"티켓"}}""",
                """{"error":{"name":"NO_TICKET","message":"티켓"}}""",
                """{"method":"LIST_SUBSCRIPTIONS","result":[{"type":"ticker","codes":["KRW-BTC","KRW-ETH"]},{"type":"orderbook","codes":["KRW-BTC","KRW-ETH"],"level":0}],"ticket":"unique uuid"}""",
                """{"mthd":"LIST_SUBSCRIPTIONS","rslt":[{"ty":"ticker","cds":["KRW-BTC","KRW-ETH"]},{"ty":"orderbook","cds":["KRW-BTC","KRW-ETH"],"lv":0}],"tckt":"unique uuid"}""",
            }));
    }

    [Test]
    public void Encode_ListOfSeveral_OneArrayDecodingToAllInOrder()
    {
        UpbitMessage[] messages = [ExpectedRecords.TickerSnapshot, ExpectedRecords.MyOrder, ExpectedRecords.Announcement, new ServerStatus { Status = "UP" }];

        Assert.That(Samples.DecodeAll(FrameEncoder.EncodeUtf8(messages, WireFormat.SimpleList)), Is.EqualTo(messages));
    }

    [Test]
    public void Encode_UnknownEnumValues_WrittenAsUnknownAndDecodedBack()
    {
        var trade = ExpectedRecords.TradeBtc with { Change = Change.Unknown, AskBid = AskBid.Unknown, StreamType = StreamType.Unknown };

        var json = FrameEncoder.Encode(trade, WireFormat.Default);

        Assert.That((json.Contains("\"change\":\"UNKNOWN\"", StringComparison.Ordinal), Samples.DecodeOne(json)), Is.EqualTo((true, (UpbitMessage)trade)));
    }

    [Test]
    public void Encode_NullOptionalFields_OmittedOrNullAsUpbitSendsThem()
    {
        var book = new Orderbook { Code = "IDR-BTC", TotalAskSize = 0m, TotalBidSize = 0m, Units = [], Level = null, Timestamp = 1, StreamType = StreamType.Realtime };

        Assert.That(
            (FrameEncoder.Encode(book, WireFormat.Default), FrameEncoder.Encode(ExpectedRecords.MyOrder, WireFormat.Default).Contains("\"time_in_force\":null", StringComparison.Ordinal)),
            Is.EqualTo(("""{"type":"orderbook","code":"IDR-BTC","total_ask_size":0,"total_bid_size":0,"orderbook_units":[],"timestamp":1,"stream_type":"REALTIME"}""", true)));
    }

    [Test]
    public void EncodeUtf8_KoreanText_Utf8Bytes()
    {
        var bytes = FrameEncoder.EncodeUtf8(new ServerError { Name = "X", Message = "인증" }, WireFormat.Default);

        Assert.That(bytes, Is.EqualTo(Encoding.UTF8.GetBytes("""{"error":{"name":"X","message":"인증"}}""")));
    }

    [Test]
    public void Encode_TwoMessagesInDefault_Throws()
    {
        UpbitMessage[] two = [new ServerStatus { Status = "UP" }, new ServerStatus { Status = "UP" }];

        Assert.That(() => FrameEncoder.Encode(two, WireFormat.Default), Throws.ArgumentException.With.Message.Contains("exactly one message; got 2"));
    }

    [Test]
    public void Encode_EmptyList_Throws()
    {
        Assert.That(() => FrameEncoder.Encode([], WireFormat.JsonList), Throws.ArgumentException);
    }

    [Test]
    public void Encode_UndefinedFormat_Throws()
    {
        Assert.That(() => FrameEncoder.Encode(new ServerStatus { Status = "UP" }, (WireFormat)42), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Encode_RandomRecordsInEveryFormat_DecodeEqual()
    {
        var random = new Random(20261122);
        var failures = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var message = RandomRecords.Next(random);
            var format = Formats[i % Formats.Length];
            var json = FrameEncoder.Encode(message, format);
            var output = new List<UpbitMessage>();
            if (!new FrameDecoder().TryDecode(Encoding.UTF8.GetBytes(json), output, out var error) || !output.SequenceEqual([message]))
            {
                failures.Add($"{format}: {json} → {error ?? string.Join(", ", output)}");
            }
        }

        Assert.That(failures, Is.Empty);
    }
}
