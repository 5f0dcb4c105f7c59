using Spectre.Console;
using Spectre.Console.Rendering;
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

    public IRenderable Render()
    {
        var table = new Table().Border(TableBorder.Simple).Title("[bold]Trades[/]");
        table.AddColumn("Time (UTC)");
        table.AddColumn("Code");
        table.AddColumn("Side");
        table.AddColumn(new TableColumn("Price").RightAligned());
        table.AddColumn(new TableColumn("Volume").RightAligned());
        lock (_trades)
        {
            foreach (var t in _trades)
            {
                var colour = t.AskBid == AskBid.Bid ? "red" : "blue";
                table.AddRow(
                    new Text(Numbers.Clock(t.TradeTimestamp)),
                    new Text(t.Code),
                    new Markup($"[{colour}]{PlainLines.Side(t.AskBid)}[/]"),
                    new Markup($"[{colour}]{Numbers.Grouped(t.TradePrice, 8)}[/]"),
                    new Text(Numbers.Plain(t.TradeVolume)));
            }
        }

        return table;
    }
}
