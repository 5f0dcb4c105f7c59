using Spectre.Console;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Views;

/// <summary>The latest ticker of each code as a table row: price, change, volume, day range. Thread-safe.</summary>
internal sealed class TickerBoard
{
    private readonly SortedDictionary<string, Ticker> _latest = new(StringComparer.Ordinal);

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

    public void Add(Ticker ticker)
    {
        lock (_latest)
        {
            _latest[ticker.Code] = ticker;
        }
    }

    /// <summary>The table for a screen <paramref name="width"/> columns wide (the time, then the day range, give way first).</summary>
    public Table Render(int width = 160)
    {
        var table = new FittedTable()
            .Column("Code", 0, rightAligned: false)
            .Column("Price", 0)
            .Column("Change %", 1, compactHeader: "Chg")
            .Column("Volume 24h", 2, compactHeader: "Vol 24h")
            .Column("Day low", 3, compactHeader: "Low")
            .Column("Day high", 3, compactHeader: "High")
            .Column("UTC", 4);
        lock (_latest)
        {
            foreach (var t in _latest.Values)
            {
                var colour = t.SignedChangeRate > 0 ? "red" : t.SignedChangeRate < 0 ? "blue" : null;
                table.Row(
                    FittedCell.Of(t.Code, "bold"),
                    new FittedCell(Numbers.Grouped(t.TradePrice, 8), Numbers.Compact(t.TradePrice), colour),
                    FittedCell.Of(Numbers.Percent(t.SignedChangeRate), colour),
                    new FittedCell(Numbers.Grouped(t.AccTradeVolume24h, 4), Numbers.Compact(t.AccTradeVolume24h)),
                    new FittedCell(Numbers.Grouped(t.LowPrice, 8), Numbers.Compact(t.LowPrice)),
                    new FittedCell(Numbers.Grouped(t.HighPrice, 8), Numbers.Compact(t.HighPrice)),
                    FittedCell.Of(Numbers.Clock(t.TradeTimestamp)[..8]));
            }
        }

        return table.Build(width, TableBorder.Rounded, "[bold]Tickers[/]");
    }
}
