using NUnit.Framework;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;
using Upbit.Rx.Cli.Views;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Protocol;
using SpectreTestConsole = Spectre.Console.Testing.TestConsole;

namespace Upbit.Rx.Tests.Cli.Views;

/// <summary>
/// Every live view on Spectre's test console at 80×24 (a default terminal) and at 120 columns: no line wider than the
/// screen, so no number is wrapped mid-digit; the narrow screen keeps the essentials and the wide one shows more.
/// </summary>
public sealed class ScreenWidthTests
{
    [TestCase(80)]
    [TestCase(120)]
    public void Ticker_TwoBusyCodes_FitsTheWidthWithWholePrices(int width)
    {
        var board = new MarketBoard();
        var sample = Samples.DecodeSample<Ticker>("ws_ticker_default_realtime_upbit-docs-recipe-java.json");
        board.Add(sample with { TradePrice = 145_012_000m, LowPrice = 143_500_000m, HighPrice = 146_999_000m, AccTradeVolume24h = 12_345.67891234m, SignedChangeRate = -0.0123m });
        board.Add(sample with { Code = "KRW-ETH", TradePrice = 5_123_000m, AccTradeVolume24h = 123_456.7891m });

        var lines = Render(board, width);

        Assert.That(lines.Select(l => l.Length), Has.All.LessThanOrEqualTo(width), string.Join('\n', lines));
        Assert.That(string.Join('\n', lines), Does.Contain("145,012,000").And.Contain("5,123,000").And.Contain("-1.23%").And.Contain("Ctrl+C to quit"));
        Assert.That(lines.Any(l => l.Contains("Day low", StringComparison.Ordinal)), Is.EqualTo(width >= 120), "the day range is compact when there is no room");
    }

    [TestCase(80)]
    [TestCase(120)]
    public void Candle_BusyCode_FitsTheWidthWithWholeClose(int width)
    {
        var board = new MarketBoard();
        var sample = Samples.DecodeSample<Candle>("ws_candle_default_upbit-docs_1m.json");
        board.Add(sample with { OpeningPrice = 145_012_000m, HighPrice = 146_999_000m, LowPrice = 143_500_000m, TradePrice = 145_500_000m, CandleAccTradeVolume = 1_234.56789012m });

        var lines = Render(board, width);
        var text = string.Join('\n', lines);

        Assert.That(lines.Select(l => l.Length), Has.All.LessThanOrEqualTo(width), text);
        Assert.That(text, Does.Contain("KRW-BTC").And.Contain("145,500,000").And.Contain("08:08:00"));
        Assert.That(text.Contains("2026-08-26T08:08:00", StringComparison.Ordinal), Is.EqualTo(width >= 120), "the full start time shows only when there is room");
    }

    [TestCase(80)]
    [TestCase(120)]
    public void Orderbook_ThirtyLevels_FitsTheScreen(int width)
    {
        var board = new MarketBoard();
        board.Add(Samples.DecodeSample<Orderbook>("ws_orderbook_default_upbit-docs_krw-eth_level0.json"));

        var lines = Render(board, width);

        Assert.That(lines.Select(l => l.Length), Has.All.LessThanOrEqualTo(width), string.Join('\n', lines));
        Assert.That(lines, Has.Count.LessThanOrEqualTo(24), string.Join('\n', lines));
        Assert.That(string.Join('\n', lines), Does.Contain("3,426,000").And.Contain("3,425,000").And.Contain("Ctrl+C to quit"));
    }

    [TestCase(80)]
    [TestCase(120)]
    public void Trades_FullTape_FitsTheScreen(int width)
    {
        var board = new MarketBoard();
        var sample = Samples.DecodeSample<Trade>("ws_trade_default_upbit-docs_krw-btc.json");
        for (var i = 0; i < 30; i++)
        {
            board.Add(sample with { SequentialId = sample.SequentialId + i, TradeVolume = 123.456789m + i });
        }

        var lines = Render(board, width);

        Assert.That(lines.Select(l => l.Length), Has.All.LessThanOrEqualTo(width), string.Join('\n', lines));
        Assert.That(lines, Has.Count.LessThanOrEqualTo(24), string.Join('\n', lines));
        Assert.That(string.Join('\n', lines), Does.Contain("109,847,000").And.Contain("07:15:54"));
    }

    [TestCase(80)]
    [TestCase(120)]
    public void StatusLine_LongState_OneLineWithStateAndQuitHint(int width)
    {
        var scheduler = new Microsoft.Reactive.Testing.TestScheduler();
        var status = new StatusLine(scheduler, "ws://127.0.0.1:54321/websocket/v1");
        status.Set(new ConnectionState("public", ConnectionStatus.Connected));
        for (var i = 0; i < 123_456; i++)
        {
            status.Count();
        }

        scheduler.AdvanceBy(TimeSpan.FromHours(1).Ticks);
        var console = new SpectreTestConsole().Width(width);
        console.Write(status.Render(width));

        Assert.That(console.Lines.Where(l => l.Length > 0).ToList(), Has.Count.EqualTo(1), console.Output);
        Assert.That(console.Lines[0], Does.Contain("public: Connected").And.EndWith("Ctrl+C to quit"));
        Assert.That(console.Lines[0].Length, Is.LessThan(width));
        Assert.That(console.Lines[0].Contains("123456 messages", StringComparison.Ordinal), Is.EqualTo(width >= 120));
    }

    private static List<string> Render(MarketBoard board, int width)
    {
        var scheduler = new Microsoft.Reactive.Testing.TestScheduler();
        var status = new StatusLine(scheduler, "simulator");
        status.Set(new ConnectionState("public", ConnectionStatus.Reconnecting, 3, TimeSpan.FromMilliseconds(1500), "socket error"));
        var console = new SpectreTestConsole().Width(width).Height(24);
        IRenderable screen = board.Render(status.Render(width), width, 24);
        console.Write(screen);
        return [.. console.Lines.Select(l => l.TrimEnd())];
    }
}
