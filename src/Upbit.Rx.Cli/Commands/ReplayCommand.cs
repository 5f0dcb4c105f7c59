using System.CommandLine;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Cli.Watching;

namespace Upbit.Rx.Cli.Commands;

/// <summary>
/// <c>replay &lt;file&gt; [--speed 1|10|max]</c>: plays a recording through the loopback fake exchange and prints, one
/// line each, the messages the client decodes. Ends when every frame was delivered.
/// </summary>
internal sealed class ReplayCommand : Command
{
    private readonly Argument<string> _file = new("file") { Description = "A recording written by 'upbit-rx record'" };
    private readonly Option<ReplaySpeed> _speed = CommonOptions.Speed();
    private readonly Option<TimeSpan?> _for = CommonOptions.For();
    private readonly Option<bool> _skipBad = CommonOptions.SkipBad();

    public ReplayCommand(CliEnvironment environment)
        : base("replay", "Play a recording through the fake exchange and print what the client decodes")
    {
        Add(_file);
        Add(_speed);
        Add(_for);
        Add(_skipBad);
        SetAction((result, token) => WatchRunner.RunAsync(Bind(result), environment with { Terminal = null }, token));
    }

    public WatchSettings Bind(ParseResult result) => new()
    {
        ReplayFile = result.GetValue(_file),
        Speed = result.GetValue(_speed) ?? ReplaySpeed.Original,
        For = result.GetValue(_for),
        SkipBad = result.GetValue(_skipBad),
    };
}
