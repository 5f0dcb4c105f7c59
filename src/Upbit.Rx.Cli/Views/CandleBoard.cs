using Spectre.Console;
using Spectre.Console.Rendering;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Views;

/// <summary>The forming candle of each code and period (Upbit resends it as it changes; the last one is current). Thread-safe.</summary>
internal sealed class CandleBoard
{
    private readonly SortedDictionary<(string Code, CandleInterval Interval), Candle> _latest = new();

    public bool IsEmpty
    {
        get
        {
            lock (_latest)
            {
                return _latest.Count == 0;
            }
        }
    }

    public void Add(Candle candle)
    {
        lock (_latest)
        {
            _latest[(candle.Code, candle.Interval)] = candle;
        }
    }

    public IRenderable Render()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Candles[/]");
        table.AddColumn("Code");
        table.AddColumn("Period");
        table.AddColumn("Start (UTC)");
        foreach (var name in new[] { "Open", "High", "Low", "Close", "Volume" })
        {
            table.AddColumn(new TableColumn(name).RightAligned());
        }

        lock (_latest)
        {
            foreach (var c in _latest.Values)
            {
                table.AddRow(
                    c.Code,
                    CandleIntervals.Name(c.Interval),
                    c.CandleDateTimeUtc,
                    Numbers.Grouped(c.OpeningPrice, 8),
                    Numbers.Grouped(c.HighPrice, 8),
                    Numbers.Grouped(c.LowPrice, 8),
                    Numbers.Grouped(c.TradePrice, 8),
                    Numbers.Grouped(c.CandleAccTradeVolume, 8));
            }
        }

        return table;
    }
}
