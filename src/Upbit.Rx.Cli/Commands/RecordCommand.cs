using System.CommandLine;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Cli.Recording;

namespace Upbit.Rx.Cli.Commands;

/// <summary>
/// <c>record &lt;types&gt; &lt;codes…&gt; --out file</c>: writes every raw frame with its receive time, one JSON object per
/// line (<c>{"t":&lt;unix ms&gt;,"frame":"&lt;frame JSON&gt;"}</c>), until Ctrl+C or <c>--for</c>.
/// </summary>
internal sealed class RecordCommand : Command
{
    private readonly Argument<string> _types = new("types") { Description = "Comma-separated: ticker,trade,orderbook[.15],candle.1m …" };
    private readonly Argument<string[]> _codes = new("codes") { Description = "Pair codes such as KRW-BTC", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> _out = new("--out", "-o") { Description = "The recording file to write", HelpName = "file", Required = true };
    private readonly Option<bool> _force = new("--force", "-f") { Description = "Overwrite the --out file if it exists" };
    private readonly Option<TimeSpan?> _for = CommonOptions.For();
    private readonly Option<bool> _simulate = CommonOptions.Simulate();
    private readonly Option<Uri?> _endpoint = CommonOptions.Endpoint();
    private readonly Option<WireFormat> _format = CommonOptions.Format();

    public RecordCommand(CliEnvironment environment)
        : base("record", "Record raw frames with receive timestamps to a file (one JSON object per line)")
    {
        Add(_types);
        Add(_codes);
        Add(_out);
        Add(_force);
        Add(_for);
        Add(_simulate);
        Add(_endpoint);
        Add(_format);
        SetAction((result, token) => RecordRunner.RunAsync(Bind(result), environment, token));
    }

    /// <exception cref="CliException">A stream type is unknown or the options contradict each other (exit code 2).</exception>
    public RecordSettings Bind(ParseResult result)
    {
        var settings = new RecordSettings
        {
            Streams = RecordedStream.ParseList(result.GetValue(_types) ?? string.Empty),
            Codes = result.GetValue(_codes) ?? [],
            Out = result.GetValue(_out)!,
            Force = result.GetValue(_force),
            For = result.GetValue(_for),
            Simulate = result.GetValue(_simulate),
            Endpoint = result.GetValue(_endpoint),
            Format = result.GetValue(_format),
        };
        return settings.Simulate && settings.Endpoint is not null
            ? throw CliException.Usage("use only one of --simulate and --endpoint")
            : settings;
    }
}
