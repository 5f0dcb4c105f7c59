using NUnit.Framework;
using Spectre.Console;
using Upbit.Rx.Cli.Views;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Protocol;

namespace Upbit.Rx.Tests.Cli.Views;

public sealed class MarketBoardTests
{
    [Test]
    public void Render_Nothing_SaysItIsWaitingAndShowsStatus()
    {
        var text = TestConsole.Render(new MarketBoard().Render(new Text("STATUS")));

        Assert.That(text, Does.Contain("waiting for the first message").And.Contain("STATUS"));
    }

    [Test]
    public void Render_Ticker_ShowsGroupedPriceAndPercent()
    {
        var board = new MarketBoard();
        var ticker = Samples.DecodeSample<Ticker>("ws_ticker_default_realtime_upbit-docs-recipe-java.json");
        board.Add(ticker with { SignedChangeRate = 0.0123m });

        var text = TestConsole.Render(board.Render(new Text("STATUS")));

        Assert.That(text, Does.Contain("Tickers").And.Contain("KRW-BTC").And.Contain("158,200,000").And.Contain("+1.23%"));
        Assert.That(text, Does.Not.Contain("Trades"));
    }

    [Test]
    public void Render_LaterTickerOfSameCode_ReplacesTheRow()
    {
        var board = new MarketBoard();
        var ticker = Samples.DecodeSample<Ticker>("ws_ticker_default_realtime_upbit-docs-recipe-java.json");
        board.Add(ticker);
        board.Add(ticker with { TradePrice = 158_300_000m });

        var text = TestConsole.Render(board.Render(new Text(string.Empty)));

        Assert.That((text.Contains("158,300,000", StringComparison.Ordinal), text.Contains("158,200,000 ", StringComparison.Ordinal)), Is.EqualTo((true, false)));
    }

    [Test]
    public void Render_OrderbookAndTrade_ShowsLadderAndTape()
    {
        var board = new MarketBoard();
        board.Add(Samples.DecodeSample<Orderbook>("ws_orderbook_default_upbit-docs_krw-eth_level0.json"));
        board.Add(Samples.DecodeSample<Trade>("ws_trade_default_upbit-docs_krw-btc.json"));

        var text = TestConsole.Render(board.Render(new Text(string.Empty)));

        Assert.That(text, Does.Contain("KRW-ETH").And.Contain("3,426,000").And.Contain("3,425,000").And.Contain("80.27690046"));
        Assert.That(text, Does.Contain("Trades").And.Contain("07:15:54.797").And.Contain("109,847,000").And.Contain("ASK"));
    }

    [Test]
    public void Render_Candle_ShowsPeriodAndPrices()
    {
        var board = new MarketBoard();
        board.Add(Samples.DecodeSample<Candle>("ws_candle_default_upbit-docs_1m.json"));

        var text = TestConsole.Render(board.Render(new Text(string.Empty)));

        Assert.That(text, Does.Contain("Candles").And.Contain("1m").And.Contain("2026-08-26T08:08:00").And.Contain("109,756,000").And.Contain("0.71326612"));
    }
}
