using NUnit.Framework;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Tests.Subscriptions;

public sealed class MarketCodesTests
{
    [Test]
    public void Validate_DuplicatesAndDigits_DistinctInOrder()
    {
        Assert.That(MarketCodes.Validate(["KRW-BTC", "BTC-1INCH", "KRW-BTC", "USDT-ETH"], "codes"), Is.EqualTo(new[] { "KRW-BTC", "BTC-1INCH", "USDT-ETH" }));
    }

    [TestCase("krw-btc", "lower-case")]
    [TestCase("KRW-btc", "lower-case")]
    [TestCase("", "blank")]
    [TestCase("   ", "blank")]
    [TestCase("KRW-BTC.15", "suffix")]
    [TestCase("KRWBTC", "malformed")]
    [TestCase("-BTC", "malformed")]
    [TestCase("KRW-", "malformed")]
    [TestCase("KRW-BTC-X", "malformed")]
    [TestCase("KRW-BT C", "contains")]
    [TestCase("KRW_BTC", "malformed")]
    public void Validate_BadCode_ArgumentExceptionSaysWhy(string code, string because)
    {
        var error = Assert.Throws<ArgumentException>(() => MarketCodes.Validate([code], "codes"));
        Assert.That(error!.ParamName, Is.EqualTo("codes"));
        Assert.That(error.Message, Does.Contain(because));
    }

    [Test]
    public void Validate_Empty_ArgumentException()
    {
        Assert.Throws<ArgumentException>(() => MarketCodes.Validate([], "codes"));
    }

    [Test]
    public void Validate_Null_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => MarketCodes.Validate(null, "codes"));
    }
}
