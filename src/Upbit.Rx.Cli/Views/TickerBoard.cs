using Spectre.Console;
using Spectre.Console.Rendering;
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

    public IRenderable Render()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Tickers[/]");
        table.AddColumn("Code");
        table.AddColumn(new TableColumn("Price").RightAligned());
        table.AddColumn(new TableColumn("Change %").RightAligned());
        table.AddColumn(new TableColumn("Volume 24h").RightAligned());
        table.AddColumn(new TableColumn("Day low").RightAligned());
        table.AddColumn(new TableColumn("Day high").RightAligned());
        table.AddColumn(new TableColumn("UTC").RightAligned());
        lock (_latest)
        {
            foreach (var t in _latest.Values)
            {
                var colour = t.SignedChangeRate > 0 ? "red" : t.SignedChangeRate < 0 ? "blue" : "default";
                table.AddRow(
                    new Markup($"[bold]{Markup.Escape(t.Code)}[/]"),
                    new Markup($"[{colour}]{Numbers.Grouped(t.TradePrice, 8)}[/]"),
                    new Markup($"[{colour}]{Numbers.Percent(t.SignedChangeRate)}[/]"),
                    new Text(Numbers.Grouped(t.AccTradeVolume24h, 4)),
                    new Text(Numbers.Grouped(t.LowPrice, 8)),
                    new Text(Numbers.Grouped(t.HighPrice, 8)),
                    new Text(Numbers.Clock(t.TradeTimestamp)[..8]));
            }
        }

        return table;
    }
}
