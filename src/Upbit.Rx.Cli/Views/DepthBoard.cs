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

    /// <summary>
    /// One ladder per code for a screen <paramref name="width"/> columns wide, each with at most
    /// <paramref name="levels"/> levels a side; ladders sit side by side while they fit, else one under another.
    /// </summary>
    public IRenderable Render(int width = 160, int levels = int.MaxValue)
    {
        lock (_latest)
        {
            return new Columns(_latest.Values.Select(b => Ladder(b, width, Math.Clamp(levels, 1, _levels))));
        }
    }

    private static Table Ladder(Orderbook book, int width, int levels)
    {
        var ladder = new FittedTable()
            .Column("Ask size", 1, compactHeader: "Ask")
            .Column("Price", 0)
            .Column("Bid size", 1, compactHeader: "Bid");
        var units = book.Units.Where(u => !u.IsPadding).Take(levels).ToList();
        var empty = FittedCell.Of(string.Empty);
        foreach (var unit in Enumerable.Reverse(units))
        {
            ladder.Row(Size(unit.AskSize), Price(unit.AskPrice, "blue"), empty);
        }

        foreach (var unit in units)
        {
            ladder.Row(empty, Price(unit.BidPrice, "red"), Size(unit.BidSize));
        }

        var table = ladder.Build(width, TableBorder.Rounded, $"[bold]{Markup.Escape(book.Code)}[/]");
        table.Caption($"asks {Numbers.Compact(book.TotalAskSize)} · bids {Numbers.Compact(book.TotalBidSize)} · level {Numbers.Plain(book.Level ?? 0m)}");
        return table;
    }

    private static FittedCell Size(decimal size) => new(Numbers.Plain(size), Numbers.Compact(size));

    private static FittedCell Price(decimal price, string style) => new(Numbers.Grouped(price, 8), Numbers.Compact(price), style);
}
