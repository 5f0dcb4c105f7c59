using Spectre.Console;
using Spectre.Console.Rendering;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Views;

/// <summary>The latest book of each code as a ladder: asks above (best at the bottom), bids below (best on top). Thread-safe.</summary>
internal sealed class DepthBoard
{
    private readonly SortedDictionary<string, Orderbook> _latest = new(StringComparer.Ordinal);
    private readonly int _levels;

    public DepthBoard(int levels = 10)
    {
        _levels = levels;
    }

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

    public void Add(Orderbook book)
    {
        lock (_latest)
        {
            _latest[book.Code] = book;
        }
    }

    public IRenderable Render()
    {
        lock (_latest)
        {
            return new Columns(_latest.Values.Select(Ladder));
        }
    }

    private Table Ladder(Orderbook book)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(book.Code)}[/]");
        table.AddColumn(new TableColumn("Ask size").RightAligned());
        table.AddColumn(new TableColumn("Price").Centered());
        table.AddColumn(new TableColumn("Bid size").RightAligned());
        var units = book.Units.Where(u => !u.IsPadding).Take(_levels).ToList();
        foreach (var unit in Enumerable.Reverse(units))
        {
            table.AddRow(new Text(Numbers.Plain(unit.AskSize)), new Markup($"[blue]{Numbers.Grouped(unit.AskPrice, 8)}[/]"), new Text(string.Empty));
        }

        foreach (var unit in units)
        {
            table.AddRow(new Text(string.Empty), new Markup($"[red]{Numbers.Grouped(unit.BidPrice, 8)}[/]"), new Text(Numbers.Plain(unit.BidSize)));
        }

        table.Caption($"asks {Numbers.Grouped(book.TotalAskSize, 4)} · bids {Numbers.Grouped(book.TotalBidSize, 4)} · level {Numbers.Plain(book.Level ?? 0m)}");
        return table;
    }
}
