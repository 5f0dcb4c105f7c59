using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Parsing;

/// <summary>One stream type the <c>record</c> command subscribes to: its Upbit type name and, for order books, the depth.</summary>
/// <param name="Type">The Upbit <c>type</c>: <c>ticker</c>, <c>trade</c>, <c>orderbook</c> or <c>candle.1m</c> and the like.</param>
/// <param name="Units">Order book depth (1, 5, 15 or 30); 0 for other types.</param>
internal sealed record RecordedStream(string Type, int Units)
{
    private static readonly int[] Depths = [1, 5, 15, 30];

    /// <summary>The name as typed in a <c>record</c> command line: <c>orderbook.15</c>, <c>candle.1m</c>, <c>ticker</c>.</summary>
    public string Name => Units is 0 or 30 ? Type : $"{Type}.{Units}";

    /// <summary>
    /// Reads a comma-separated list such as <c>ticker,trade,orderbook.15,candle.1m</c> (order book depth defaults to 30).
    /// </summary>
    /// <exception cref="CliException">An entry is unknown (exit code 2).</exception>
    public static IReadOnlyList<RecordedStream> ParseList(string text)
    {
        var entries = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            throw CliException.Usage("name at least one stream type, e.g. ticker,trade,orderbook,candle.1m");
        }

        return [.. entries.Select(Parse).Distinct()];
    }

    private static RecordedStream Parse(string entry)
    {
        var dot = entry.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? entry : entry[..dot];
        var tail = dot < 0 ? null : entry[(dot + 1)..];
        switch (head)
        {
            case "ticker" or "trade" when tail is null:
                return new RecordedStream(head, 0);
            case "orderbook" when tail is null:
                return new RecordedStream(head, 30);
            case "orderbook" when int.TryParse(tail, out var units) && Depths.Contains(units):
                return new RecordedStream(head, units);
            case "candle" when CandleIntervals.TryParse(tail, out CandleInterval interval):
                return new RecordedStream("candle." + CandleIntervals.Name(interval), 0);
            default:
                throw CliException.Usage(
                    $"'{entry}' is not a stream type; use ticker, trade, orderbook[.1|.5|.15|.30] or candle.<{string.Join('|', CandleIntervals.All)}>");
        }
    }
}
