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

    public IRenderable Render(IRenderable status)
    {
        var parts = new List<IRenderable>();
        if (!_tickers.IsEmpty)
        {
            parts.Add(_tickers.Render());
        }

        if (!_books.IsEmpty)
        {
            parts.Add(_books.Render());
        }

        if (!_candles.IsEmpty)
        {
            parts.Add(_candles.Render());
        }

        if (!_trades.IsEmpty)
        {
            parts.Add(_trades.Render());
        }

        if (parts.Count == 0)
        {
            parts.Add(new Markup("[grey]waiting for the first message…[/]"));
        }

        parts.Add(status);
        return new Rows(parts);
    }
}
