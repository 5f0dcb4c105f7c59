using Spectre.Console;
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

    /// <summary>The table for a screen <paramref name="width"/> columns wide (the period, then the open price, give way first).</summary>
    public Table Render(int width = 160)
    {
        var table = new FittedTable()
            .Column("Code", 0, rightAligned: false)
            .Column("Period", 5, rightAligned: false, compactHeader: "Per")
            .Column("Start (UTC)", 1, rightAligned: false, compactHeader: "Start")
            .Column("Open", 4)
            .Column("High", 3)
            .Column("Low", 3)
            .Column("Close", 0)
            .Column("Volume", 2, compactHeader: "Vol");
        lock (_latest)
        {
            foreach (var c in _latest.Values)
            {
                var start = c.CandleDateTimeUtc;
                table.Row(
                    FittedCell.Of(c.Code),
                    FittedCell.Of(CandleIntervals.Name(c.Interval)),
                    new FittedCell(start, start.Length > 11 ? start[11..] : start),
                    Price(c.OpeningPrice),
                    Price(c.HighPrice),
                    Price(c.LowPrice),
                    Price(c.TradePrice),
                    Price(c.CandleAccTradeVolume));
            }
        }

        return table.Build(width, TableBorder.Rounded, "[bold]Candles[/]");
    }

    private static FittedCell Price(decimal value) => new(Numbers.Grouped(value, 8), Numbers.Compact(value));
}
