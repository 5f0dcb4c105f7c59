using System.Globalization;
using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>Every number form of §9.2–§9.4, read exactly.</summary>
public sealed partial class FrameDecoderTests
{
    private static string CandleWithTradePrice(string token) =>
        SimpleCandle.Replace("\"tp\":109756000.0", "\"tp\":" + token, StringComparison.Ordinal);

    private static string MultiLineBook(string lineBreak, string timestamp) => string.Join(
        lineBreak, "{", "\"ty\":\"orderbook\",\"cd\":\"KRW-BTC\",", "\"tas\":10,\"tbs\":0,", "\"tms\":" + timestamp + ",\"st\":\"SNAPSHOT\",\"obu\":[]", "}");

    private static string TradeWithSequentialId(string token) =>
        SimpleTrade.Replace("\"sid\":17877285547970000", "\"sid\":" + token, StringComparison.Ordinal);

    [TestCase("1.16539E8", "116539000")]
    [TestCase("7.9276E-4", "0.00079276")]
    [TestCase("5.0E-4", "0.00050")]
    [TestCase("0E-8", "0.00000000")]
    [TestCase("4.843e-05", "0.00004843")]
    [TestCase("1.5e+3", "1500")]
    [TestCase("0.00077720", "0.00077720")]
    [TestCase("109847000.00000000", "109847000.00000000")]
    [TestCase("109867000", "109867000")]
    [TestCase("0", "0")]
    [TestCase("-3.25", "-3.25")]
    [TestCase("19699800600.2538100000000000", "19699800600.2538100000000000")]
    [TestCase("1386929.37231066771348207123", "1386929.37231066771348207123")]
    [TestCase("79228162514264337593543950335", "79228162514264337593543950335")]
    [TestCase("\"158201000.5\"", "158201000.5")]
    [TestCase("\"1.5E-3\"", "0.0015")]
    public void TryDecode_NumberForm_ExactDecimalWithScale(string token, string expected)
    {
        var candle = (Candle)Samples.DecodeOne(CandleWithTradePrice(token));

        Assert.That(candle.TradePrice.ToString(CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [TestCase("1.23456789012345678901234567891", "1.2345678901234567890123456789")]
    [TestCase("12345678901234567890123456789.5", "12345678901234567890123456790")]
    [TestCase("1e-30", "0")]
    public void TryDecode_MoreDigitsThanDecimalHolds_RoundedToNearest(string token, string expected)
    {
        var candle = (Candle)Samples.DecodeOne(CandleWithTradePrice(token));

        Assert.That(candle.TradePrice.ToString(CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [TestCase("1e30", "'1e30' is not a valid decimal")]
    [TestCase("123456789012345678901234567890123", "'catp'")]
    [TestCase("\"1e30\"", "holds the text \"1e30\", which is not a decimal number")]
    public void TryDecode_NumberBeyondDecimalRange_Error(string token, string expected)
    {
        var json = token.StartsWith("123", StringComparison.Ordinal)
            ? SimpleCandle.Replace("\"catp\":78269528.64757", "\"catp\":" + token, StringComparison.Ordinal)
            : CandleWithTradePrice(token);

        Assert.That(Samples.DecodeError(json), Does.Contain(expected));
    }

    [Test]
    public void TryDecode_BigIntegerBeyondDecimalRange_ErrorNamesFieldAndRange()
    {
        var json = SimpleCandle.Replace("\"catp\":78269528.64757", "\"catp\":123456789012345678901234567890123", StringComparison.Ordinal);

        Assert.That(Samples.DecodeError(json), Does.StartWith("'candle_acc_trade_price' is out of range for a decimal: 123456789012345678901234567890123 (path 'catp', line 1, position"));
    }

    [TestCase("17877285547970001", 17877285547970001L)]
    [TestCase("17877285547970000", 17877285547970000L)]
    [TestCase("9223372036854775807", long.MaxValue)]
    [TestCase("\"17877285547970001\"", 17877285547970001L)]
    [TestCase("1.7877285547970001E16", 17877285547970001L)]
    public void TryDecode_SequentialIdAbove2Pow53_ExactLong(string token, long expected)
    {
        var trade = (Trade)Samples.DecodeOne(TradeWithSequentialId(token));

        Assert.That(trade.SequentialId, Is.EqualTo(expected));
    }

    [TestCase("9223372036854775808", "is out of range for a 64-bit integer")]
    [TestCase("1.5", "must be an integer but is a Float")]
    [TestCase("\"x17\"", "must be an integer but is a String")]
    public void TryDecode_SequentialIdNotALong_Error(string token, string expected)
    {
        Assert.That(Samples.DecodeError(TradeWithSequentialId(token)), Does.StartWith("'sequential_id' " + expected));
    }

    [Test]
    public void TryDecode_TradesCountBeyondInt32_Error()
    {
        var json = SimpleMyOrder.Replace("\"tc\":1", "\"tc\":2147483648", StringComparison.Ordinal);

        Assert.That(Samples.DecodeError(json), Does.StartWith("'trades_count' is out of range for a 32-bit integer: 2147483648"));
    }

    [TestCase("NaN", "Cannot read NaN value")]
    [TestCase("Infinity", "Cannot read Infinity value")]
    [TestCase("-Infinity", "Cannot read -Infinity value")]
    public void TryDecode_NonFiniteLiteral_Error(string token, string expected)
    {
        Assert.That(Samples.DecodeError(CandleWithTradePrice(token)), Does.StartWith("The frame could not be read as JSON: " + expected + " (path 'tp', line 1, position"));
    }

    [TestCase("010")]
    [TestCase("0x10")]
    [TestCase("-010")]
    [TestCase("00")]
    public void TryDecode_IntegerJsonDoesNotAllow_ErrorInsteadOfOctalOrHex(string token)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Samples.DecodeError(CandleWithTradePrice(token)), Does.StartWith("'trade_price' is not a JSON number (leading zero or hex) (path 'tp', line 1, position"));
            Assert.That(Samples.DecodeError(TradeWithSequentialId(token)), Does.StartWith("'sequential_id' is not a JSON number (leading zero or hex) (path 'sid', line 1, position"));
        });
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    [TestCase("\r")]
    public void TryDecode_IntegersOnLaterLines_JsonFormsReadAndLeadingZeroRejected(string lineBreak)
    {
        var book = (Orderbook)Samples.DecodeOne(MultiLineBook(lineBreak, "1700000000000"));

        Assert.That((book.TotalAskSize, book.TotalBidSize, book.Timestamp), Is.EqualTo((10m, 0m, 1700000000000L)));
        Assert.That(Samples.DecodeError(MultiLineBook(lineBreak, "0100")), Does.StartWith("'timestamp' is not a JSON number (leading zero or hex) (path 'tms', line 4, position"));
    }
}
