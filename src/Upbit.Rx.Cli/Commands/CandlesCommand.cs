using System.CommandLine;
using Upbit.Rx.Cli.History;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Commands;

/// <summary><c>candles CODE --interval 1m --from … [--to …] --out file.csv</c>: exports candle history over REST to CSV.</summary>
internal sealed class CandlesCommand : Command
{
    private readonly ExportOptions _options = new();
    private readonly Option<CandleInterval?> _interval = new("--interval")
    {
        Description = "Candle period: " + string.Join(", ", CandleIntervals.AllHistory) + " [default: 1m]",
        HelpName = "1s|1m|…|240m|1d|1w|1M|1y",
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
            if (CandleIntervals.TryParseHistory(text, out var interval))
            {
                return interval;
            }

            r.AddError($"'{text}' is not valid for --interval: expected one of {string.Join(", ", CandleIntervals.AllHistory)}.");
            return null;
        },
    };

    private readonly CliEnvironment _environment;

    public CandlesCommand(CliEnvironment environment)
        : base("candles", "Export candle history to CSV (header: " + CsvRows.CandleHeader + "; oldest first)")
    {
        _environment = environment;
        _options.AddTo(this);
        Add(_interval);
        SetAction((result, token) => ExportRunner.RunAsync(Bind(result), environment, token));
    }

    /// <exception cref="CliException">A time is malformed, the range is empty, or the options contradict each other (exit code 2).</exception>
    public ExportSettings Bind(ParseResult result) =>
        _options.Bind(result, result.GetValue(_interval) ?? CandleInterval.OneMinute, _environment.Scheduler.Now);
}
