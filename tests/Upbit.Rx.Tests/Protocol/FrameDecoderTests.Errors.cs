using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>Malformed frames: a clear error, nothing added to the output, never an exception.</summary>
public sealed partial class FrameDecoderTests
{
    [Test]
    public void TryDecode_EmptyFrame_Error()
    {
        Assert.That(Samples.DecodeError([]), Is.EqualTo("The frame is empty."));
    }

    [Test]
    public void TryDecode_WhitespaceOnly_Error()
    {
        Assert.That(Samples.DecodeError(" \r\n "), Is.EqualTo("The frame holds no JSON value."));
    }

    [TestCase("""{"type":"trade","code":"KRW-BTC""")]
    [TestCase("""{"type":"trade","code":""")]
    [TestCase("""[{"status":"UP"}""")]
    [TestCase("""{"ty":"orderbook","obu":[{"ap":1""")]
    public void TryDecode_TruncatedJson_ErrorSaysWhere(string json)
    {
        Assert.That(Samples.DecodeError(json), Does.Contain("line 1, position"));
    }

    [TestCase("hello")]
    [TestCase("PING")]
    [TestCase("""{"status":"UP"} trailing""")]
    [TestCase("""{"status" "UP"}""")]
    public void TryDecode_NotJson_ErrorSaysFrameCouldNotBeReadAsJson(string text)
    {
        Assert.That(Samples.DecodeError(text), Does.StartWith("The frame could not be read as JSON: "));
    }

    [Test]
    public void TryDecode_InvalidUtf8_Error()
    {
        Assert.That(Samples.DecodeError([(byte)'{', 0xFF, (byte)'}']), Is.EqualTo("The frame is not valid UTF-8 (bad byte at offset 1)."));
    }

    [TestCase("\"hello\"", "String")]
    [TestCase("42", "Integer")]
    [TestCase("null", "Null")]
    [TestCase("true", "Boolean")]
    public void TryDecode_RootNotObjectOrArray_Error(string json, string token)
    {
        Assert.That(Samples.DecodeError(json), Is.EqualTo($"The root is a {token}; expected an object or an array of objects (path '', line 1, position {json.Length})."));
    }

    [Test]
    public void TryDecode_ArrayElementNotObject_ErrorNamesElement()
    {
        Assert.That(Samples.DecodeError("""[{"status":"UP"},"UP"]"""), Does.StartWith("Element 1 of the array root is a String; expected an object"));
    }

    [Test]
    public void TryDecode_WrongValueType_ErrorNamesFieldAndPosition()
    {
        var json = SimpleCandle.Replace("\"tp\":109756000.0", "\"tp\":true", StringComparison.Ordinal);

        Assert.That(Samples.DecodeError(json), Is.EqualTo("'trade_price' must be a number but is a Boolean (path 'tp', line 1, position 155)."));
    }

    [Test]
    public void TryDecode_StringFieldHoldsObject_Error()
    {
        Assert.That(Samples.DecodeError("""{"status":{"a":1}}"""), Does.StartWith("'status' must be a string but is a StartObject"));
    }

    [Test]
    public void TryDecode_RequiredFieldMissing_ErrorNamesBothKeys()
    {
        var json = SimpleTrade.Replace("\"sid\":17877285547970000,", string.Empty, StringComparison.Ordinal);

        Assert.That(Samples.DecodeError(json), Does.StartWith("'sequential_id' ('sid') is missing but is required (object ending at"));
    }

    [Test]
    public void TryDecode_RequiredFieldNull_Error()
    {
        var json = SimpleTrade.Replace("\"tp\":109847000.0", "\"tp\":null", StringComparison.Ordinal);

        Assert.That(Samples.DecodeError(json), Does.StartWith("'trade_price' ('tp') is null but is required"));
    }

    [Test]
    public void TryDecode_ObjectWithoutDispatchKey_Error()
    {
        Assert.That(Samples.DecodeError("""{"foo":1}"""), Does.StartWith("The object has none of the keys 'type'/'ty', 'status', 'error', 'method'/'mthd' or the legacy 'market'"));
    }

    [Test]
    public void TryDecode_OrderbookUnitLacksField_Error()
    {
        Assert.That(
            Samples.DecodeError("""{"ty":"orderbook","cd":"KRW-BTC","tas":1,"tbs":1,"tms":1,"obu":[{"ap":1,"bp":1,"as":1}]}"""),
            Does.StartWith("An object in 'orderbook_units' lacks 'bid_size' ('bs')"));
    }

    [Test]
    public void TryDecode_OrderbookUnitsNotArray_Error()
    {
        Assert.That(Samples.DecodeError("""{"ty":"orderbook","obu":{}}"""), Does.StartWith("'orderbook_units' must be an array but is a StartObject"));
    }

    [Test]
    public void TryDecode_BadSecondElement_OutputUnchanged()
    {
        var output = new List<UpbitMessage> { new ServerStatus { Status = "before" } };

        var ok = new FrameDecoder().TryDecode("""[{"status":"UP"},{"ty":"trade"}]"""u8, output, out var error);

        Assert.That((ok, output.Count, error), Is.EqualTo((false, 1, "'code' ('cd') is missing but is required (object ending at path '[1]', line 1, position 31).")));
    }

    [TestCase("{\"status\":\"UP\",\"n\":1" + "#" + "}")]
    [TestCase("{\"ty\":\"candle.1s\",\"catp\":1" + "#" + "}")]
    [TestCase("{\"ty\":\"candle.1s\",\"tp\":\"1" + "#" + "\"}")]
    [TestCase("{\"status\":\"UP\",\"x" + "#" + "\":[1,}]}")]
    [TestCase("{\"status\":\"UP\",\"x" + "#" + "\" 1}")]
    public void TryDecode_HugeTokenInError_QuotesAtMost64Chars(string template)
    {
        var error = Samples.DecodeError(template.Replace("#", new string('9', 100_000), StringComparison.Ordinal));

        Assert.That(error, Does.Not.Contain(new string('9', 65)));
        Assert.That(error.Length, Is.LessThan(300));
    }

    [Test]
    public void TryDecode_NullOutput_Throws()
    {
        Assert.That(() => new FrameDecoder().TryDecode("{}"u8, null!, out _), Throws.ArgumentNullException);
    }

    [Test]
    public void TryDecode_SeededRandomCorruptionOfEverySample_NeverThrowsAndErrorsLeaveOutputEmpty()
    {
        var random = new Random(7);
        var decoder = new FrameDecoder();
        var output = new List<UpbitMessage>();
        var broken = new List<string>();
        byte[] noise = "{}[],:\"0123456789eE.-+ \\tnul"u8.ToArray();
        for (var i = 0; i < 3000; i++)
        {
            var frame = Samples.Bytes(Samples.All[i % Samples.All.Length]);
            var corrupt = frame.AsSpan(0, random.Next(frame.Length + 1)).ToArray();
            for (var j = random.Next(4); j > 0 && corrupt.Length > 0; j--)
            {
                corrupt[random.Next(corrupt.Length)] = random.Next(3) == 0 ? (byte)random.Next(256) : noise[random.Next(noise.Length)];
            }

            output.Clear();
            try
            {
                var ok = decoder.TryDecode(corrupt, output, out var error);
                if (ok == (error is not null) || (!ok && output.Count != 0))
                {
                    broken.Add($"inconsistent result for {Convert.ToBase64String(corrupt)}");
                }
            }
            catch (Exception ex)
            {
                broken.Add($"{ex.GetType().Name}: {ex.Message} for {Convert.ToBase64String(corrupt)}");
            }
        }

        Assert.That(broken, Is.Empty);
    }

    [TestCase("""{"type":"ticker","code":12345,"trade_price":1,"timestamp":1}""", "'code' must be a string")]
    [TestCase("""{"ty":"trade","cd":7,"tp":1,"tv":1,"ab":"ASK","sid":1,"ttms":1,"tms":1}""", "'code' must be a string")]
    [TestCase("""{"type":"ticker","code":"KRW-BTC","change":1,"trade_price":1,"timestamp":1}""", "'change' must be a string")]
    public void TryDecode_NumberInAStringField_DecodeError(string json, string expected)
    {
        Assert.That(Samples.DecodeError(json), Does.StartWith(expected));
    }
}
