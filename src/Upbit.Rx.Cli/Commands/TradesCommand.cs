using System.CommandLine;
using Upbit.Rx.Cli.History;

namespace Upbit.Rx.Cli.Commands;

/// <summary><c>trades CODE --from … [--to …] --out file.csv</c>: exports trade history (Upbit keeps the last 7 days) over REST to CSV.</summary>
internal sealed class TradesCommand : Command
{
    private readonly ExportOptions _options = new();
    private readonly CliEnvironment _environment;

    public TradesCommand(CliEnvironment environment)
        : base("trades", "Export trade history (today and the 7 days before, UTC) to CSV (header: " + CsvRows.TradeHeader + "; oldest first)")
    {
        _environment = environment;
        _options.AddTo(this);
        SetAction((result, token) => ExportRunner.RunAsync(Bind(result), environment, token));
    }

    /// <exception cref="CliException">A time is malformed, the range is empty, or the options contradict each other (exit code 2).</exception>
    public ExportSettings Bind(ParseResult result) => _options.Bind(result, interval: null, _environment.Scheduler.Now);
}
