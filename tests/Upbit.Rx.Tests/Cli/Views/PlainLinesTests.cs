using NUnit.Framework;
using Upbit.Rx.Cli.Views;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Protocol;

namespace Upbit.Rx.Tests.Cli.Views;

public sealed class PlainLinesTests
{
    [TestCase("ws_ticker_default_realtime_upbit-docs-recipe-java.json", "ticker KRW-BTC 158200000 0.00% vol24h ")]
    [TestCase("ws_trade_default_upbit-docs_krw-btc.json", "trade KRW-BTC 07:15:54.797 ASK 109847000 x 0.00509799 #17877285547970000")]
    [TestCase("ws_orderbook_default_upbit-docs_krw-eth_level0.json", "orderbook KRW-ETH ask 3426000 x 80.27690046 | bid 3425000 x 36.87952898 | spread 1000 | ")]
    [TestCase("ws_candle_default_upbit-docs_1m.json", "candle KRW-BTC 1m 2026-08-26T08:08:00 O 109715000 H 109756000 L 109714000 C 109756000 V 0.71326612")]
    public void Format_RecordedFrame_PrintsTypeCodeAndExactValues(string fixture, string expectedStart)
    {
        var message = UpbitDecoder.Decode(Samples.Bytes(fixture)).Messages.Single();

        Assert.That(PlainLines.Format(message), Does.StartWith(expectedStart));
    }

    [Test]
    public void Format_TickerWithSignedRate_ShowsPercentWithSign()
    {
        var ticker = (Ticker)UpbitDecoder.Decode(Samples.Bytes("ws_ticker_default_realtime_upbit-docs-recipe-java.json")).Messages.Single();

        var line = PlainLines.Format(ticker with { SignedChangeRate = -0.0052m, AccTradeVolume24h = 1234.50000000m });

        Assert.That(line, Is.EqualTo("ticker KRW-BTC 158200000 -0.52% vol24h 1234.5"));
    }

    [Test]
    public void Format_StatusFrame_PrintsNothing()
    {
        var message = UpbitDecoder.Decode(Samples.Bytes("ws_status_up_upbit-kr-live.json")).Messages.Single();

        Assert.That(PlainLines.Format(message), Is.Null);
    }
}
