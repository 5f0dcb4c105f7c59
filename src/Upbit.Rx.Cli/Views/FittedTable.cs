using Spectre.Console;

namespace Upbit.Rx.Cli.Views;

/// <summary>
/// A table that fits a terminal width: when its natural width is too wide, columns switch to their compact form and
/// then drop, least important first (highest <see cref="FittedColumn.Priority"/>); priority-0 columns are never
/// dropped and shrink last. So numbers are never wrapped mid-digit.
/// </summary>
internal sealed class FittedTable
{
    private readonly List<FittedColumn> _columns = [];
    private readonly List<FittedCell[]> _rows = [];

    public FittedTable Column(string header, int priority, bool rightAligned = true, string? compactHeader = null)
    {
        _columns.Add(new FittedColumn(header, compactHeader ?? header, priority, rightAligned));
        return this;
    }

    public void Row(params FittedCell[] cells) => _rows.Add(cells);

    /// <summary>Which columns show, and whether compact: the layout for <paramref name="width"/> columns of screen.</summary>
    public IReadOnlyList<(int Index, bool Compact)> Layout(int width)
    {
        var compact = new bool[_columns.Count];
        var shown = Enumerable.Repeat(true, _columns.Count).ToArray();
        var order = Enumerable.Range(0, _columns.Count).OrderByDescending(i => _columns[i].Priority).ThenByDescending(i => i).ToList();
        // NB: shrink every optional column before dropping any; drop before shrinking the essential ones.
        foreach (var (step, i) in order.Where(i => _columns[i].Priority > 0).Select(i => (0, i))
                     .Concat(order.Where(i => _columns[i].Priority > 0).Select(i => (1, i)))
                     .Concat(order.Where(i => _columns[i].Priority == 0).Select(i => (0, i))))
        {
            if (Width(shown, compact) <= width)
            {
                break;
            }

            if (step == 0)
            {
                compact[i] = true;
            }
            else
            {
                shown[i] = false;
            }
        }

        return [.. Enumerable.Range(0, _columns.Count).Where(i => shown[i]).Select(i => (i, compact[i]))];
    }

    /// <summary>The Spectre table for a screen <paramref name="width"/> columns wide.</summary>
    public Table Build(int width, TableBorder border, string? title = null)
    {
        var layout = Layout(width);
        var table = new Table().Border(border);
        if (title is not null)
        {
            table.Title(title);
        }

        foreach (var (index, compact) in layout)
        {
            var column = _columns[index];
            var header = new TableColumn(Markup.Escape(compact ? column.CompactHeader : column.Header)).NoWrap();
            table.AddColumn(column.RightAligned ? header.RightAligned() : header);
        }

        foreach (var row in _rows)
        {
            table.AddRow(layout.Select(c => (Spectre.Console.Rendering.IRenderable)Cell(row[c.Index], c.Compact)));
        }

        return table;
    }

    private static Markup Cell(FittedCell cell, bool compact)
    {
        var text = Markup.Escape(compact ? cell.Compact : cell.Full);
        return new Markup(cell.Style is null ? text : $"[{cell.Style}]{text}[/]");
    }

    // NB: a bordered table with default padding takes each column's width plus 3 (two spaces, one rule) plus 1.
    private int Width(bool[] shown, bool[] compact)
    {
        var total = 1;
        for (var i = 0; i < _columns.Count; i++)
        {
            if (shown[i])
            {
                var column = _columns[i];
                var header = (compact[i] ? column.CompactHeader : column.Header).Length;
                total += 3 + _rows.Select(r => (compact[i] ? r[i].Compact : r[i].Full).Length).Append(header).Max();
            }
        }

        return total;
    }
}
