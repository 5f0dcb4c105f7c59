using NUnit.Framework;
using Upbit.Rx.Cli.Listing;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Cli.Listing;

public sealed class MarketLinesTests
{
    [Test]
    public void Line_NoWarnings_TabSeparatedWithDash()
    {
        var market = new Market { Code = "KRW-BTC", KoreanName = "비트코인", EnglishName = "Bitcoin", Event = new MarketEvent { Warning = false, Caution = new MarketCaution() }, Warning = null };

        Assert.That(MarketLines.Line(market), Is.EqualTo("KRW-BTC\tBitcoin\t비트코인\t-"));
    }

    [Test]
    public void Line_WarningAndCautions_NamesEach()
    {
        var caution = new MarketCaution { PriceFluctuations = true, ConcentrationOfSmallAccounts = true };
        var market = new Market { Code = "KRW-XRP", KoreanName = null, EnglishName = "XRP", Event = new MarketEvent { Warning = true, Caution = caution }, Warning = null };

        Assert.That(MarketLines.Line(market), Is.EqualTo("KRW-XRP\tXRP\t-\twarning,price-fluctuations,small-accounts-concentration"));
    }

    [Test]
    public void Warnings_LegacyCautionFlag_IsAWarning()
    {
        var market = new Market { Code = "BTC-ETH", KoreanName = null, EnglishName = "Ethereum", Event = null, Warning = MarketWarning.Caution };

        Assert.That((MarketLines.Warnings(market), MarketLines.Quote(market)), Is.EqualTo((new List<string> { "warning" }, "BTC")));
    }
}
