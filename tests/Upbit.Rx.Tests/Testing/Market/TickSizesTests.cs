using NUnit.Framework;
using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Tests.Testing.Market;

public sealed class TickSizesTests
{
    [TestCase("KRW-BTC", "145000000", "1000")]
    [TestCase("KRW-ETH", "1999999", "500")]
    [TestCase("KRW-SOL", "290000", "50")]
    [TestCase("KRW-XRP", "3900", "1")]
    [TestCase("KRW-DOGE", "350", "0.1")]
    [TestCase("KRW-X", "0.5", "0.0001")]
    [TestCase("BTC-ETH", "0.0358", "0.00000001")]
    [TestCase("USDT-BTC", "104000", "1")]
    public void For_PriceBand_TickOfItsQuoteTable(string code, string price, string tick)
    {
        Assert.That(TickSizes.For(code, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(decimal.Parse(tick, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Levels_KrwAndOtherQuotes_GroupingOnlyOnKrw()
    {
        Assert.That(TickSizes.Levels("KRW-BTC", 145_000_000m), Is.EqualTo(new[] { 0m, 10_000m, 100_000m, 1_000_000m, 10_000_000m, 100_000_000m }));
        Assert.That(TickSizes.Levels("BTC-ETH", 0.0358m), Is.EqualTo(new[] { 0m }));
    }
}
