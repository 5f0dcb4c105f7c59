using Spectre.Console;
using Spectre.Console.Rendering;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Views;

/// <summary>Every view of the live screen; shows the ones that have data (one for <c>watch ticker</c>, several for a mixed replay).</summary>
internal sealed class MarketBoard
{
    private readonly TickerBoard _tickers = new();
    private readonly TradeTape _trades = new();
    private readonly DepthBoard _books = new();
    private readonly CandleBoard _candles = new();

    public void Add(UpbitMessage message)
    {
        switch (message)
        {
            case Ticker t:
                _tickers.Add(t);
                break;
            case Trade t:
                _trades.Add(t);
                break;
            case Orderbook o:
                _books.Add(o);
                break;
            case Candle c:
                _candles.Add(c);
                break;
        }
    }

    /// <summary>
    /// The views that have data and the status line, for a screen of <paramref name="width"/> × <paramref name="height"/>:
    /// tables shrink or drop columns to fit the width, and the ladder and tape show fewer rows on a short screen.
    /// </summary>
    public IRenderable Render(IRenderable status, int width = 160, int height = 50)
    {
        var parts = new List<IRenderable>();
        // NB: the title, rules, header, caption and status line of one table take about 8 rows; the rest is data.
        var rows = Math.Max(3, height - 8);
        if (!_tickers.IsEmpty)
        {
            parts.Add(_tickers.Render(width));
        }

        if (!_books.IsEmpty)
        {
            parts.Add(_books.Render(width, rows / 2));
        }

        if (!_candles.IsEmpty)
        {
            parts.Add(_candles.Render(width));
        }

        if (!_trades.IsEmpty)
        {
            parts.Add(_trades.Render(width, rows));
        }

        if (parts.Count == 0)
        {
            parts.Add(new Markup("[grey]waiting for the first message…[/]"));
        }

        parts.Add(status);
        return new Rows(parts);
    }
}
