using System.CommandLine;
using Upbit.Rx.Cli.History;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Commands;

/// <summary>The arguments <c>candles</c> and <c>trades</c> share, and how they are read into <see cref="ExportSettings"/>.</summary>
internal sealed class ExportOptions
{
    public Argument<string> Code { get; } = new("code") { Description = "The pair code, such as KRW-BTC (upper case)" };

    public Option<string> From { get; } = new("--from") { Description = "Start of the range (inclusive): now-2h, 2026-12-01 or 2026-12-01T09:00[+09:00] (UTC unless an offset is given)", HelpName = "time", Required = true };

    public Option<string?> To { get; } = new("--to") { Description = "End of the range (exclusive), written like --from [default: now]", HelpName = "time" };

    public Option<string> Out { get; } = new("--out", "-o") { Description = "The CSV file to write (replaced only when the export completes)", HelpName = "file", Required = true };

    public Option<bool> Force { get; } = new("--force", "-f") { Description = "Overwrite the --out file if it exists" };

    public Option<bool> Simulate { get; } = CommonOptions.Simulate();

    public Option<Uri?> Endpoint { get; } = CommonOptions.Endpoint();

    public void AddTo(Command command)
    {
        command.Add(Code);
        foreach (var option in new Option[] { From, To, Out, Force, Simulate, Endpoint })
        {
            command.Add(option);
        }
    }

    /// <exception cref="CliException">A time is malformed, the range is empty, or the options contradict each other (exit code 2).</exception>
    public ExportSettings Bind(ParseResult result, CandleInterval? interval, DateTimeOffset now)
    {
        var from = Instant(result.GetValue(From), "--from", now);
        var to = result.GetValue(To) is { } text ? Instant(text, "--to", now) : now;
        if (from >= to)
        {
            throw CliException.Usage($"--from ({from.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}) must be before --to ({to.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})");
        }

        var settings = new ExportSettings
        {
            Code = result.GetValue(Code) ?? string.Empty,
            Interval = interval,
            From = from,
            To = to,
            Out = result.GetValue(Out)!,
            Force = result.GetValue(Force),
            Simulate = result.GetValue(Simulate),
            Endpoint = result.GetValue(Endpoint),
        };
        return settings.Simulate && settings.Endpoint is not null
            ? throw CliException.Usage("use only one of --simulate and --endpoint")
            : settings;
    }

    private static DateTimeOffset Instant(string? text, string option, DateTimeOffset now) =>
        Instants.TryParse(text, now, out var instant)
            ? instant
            : throw CliException.Usage($"'{text}' is not valid for {option}: expected now, now-<duration> such as now-2h, or a date such as 2026-12-01 or 2026-12-01T09:00");
}
