using Spectre.Console;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Views;

/// <summary>The most recent trades, newest on top; older ones scroll off. Thread-safe.</summary>
internal sealed class TradeTape
{
    private readonly LinkedList<Trade> _trades = new();
    private readonly int _capacity;

    public TradeTape(int capacity = 20)
    {
        _capacity = capacity;
    }

    public bool IsEmpty
    {
        get
        {
            lock (_trades)
            {
                return _trades.Count == 0;
            }
        }
    }

    public void Add(Trade trade)
    {
        lock (_trades)
        {
            _trades.AddFirst(trade);
            if (_trades.Count > _capacity)
            {
                _trades.RemoveLast();
            }
        }
    }

    /// <summary>The newest <paramref name="rows"/> trades (at most the capacity) for a screen <paramref name="width"/> columns wide.</summary>
    public Table Render(int width = 160, int rows = int.MaxValue)
    {
        var table = new FittedTable()
            .Column("Time (UTC)", 1, rightAligned: false, compactHeader: "UTC")
            .Column("Code", 0, rightAligned: false)
            .Column("Side", 2, rightAligned: false)
            .Column("Price", 0)
            .Column("Volume", 1, compactHeader: "Vol");
        lock (_trades)
        {
            foreach (var t in _trades.Take(Math.Max(1, rows)))
            {
                var colour = t.AskBid == AskBid.Bid ? "red" : "blue";
                var clock = Numbers.Clock(t.TradeTimestamp);
                table.Row(
                    new FittedCell(clock, clock[..8]),
                    FittedCell.Of(t.Code),
                    FittedCell.Of(PlainLines.Side(t.AskBid), colour),
                    new FittedCell(Numbers.Grouped(t.TradePrice, 8), Numbers.Compact(t.TradePrice), colour),
                    new FittedCell(Numbers.Plain(t.TradeVolume), Numbers.Compact(t.TradeVolume)));
            }
        }

        return table.Build(width, TableBorder.Simple, "[bold]Trades[/]");
    }
}
