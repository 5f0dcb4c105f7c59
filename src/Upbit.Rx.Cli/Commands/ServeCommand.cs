using System.CommandLine;
using System.Reactive.Linq;
using Upbit.Rx.Cli.Feeds;
using Upbit.Rx.Cli.Watching;

namespace Upbit.Rx.Cli.Commands;

/// <summary>
/// <c>serve [--port N]</c>: runs the loopback fake exchange with its market simulator so any WebSocket client can
/// connect; prints the URLs; runs until Ctrl+C or <c>--for</c>.
/// </summary>
internal sealed class ServeCommand : Command
{
    private readonly Option<int> _port = CommonOptions.Port();
    private readonly Option<TimeSpan?> _for = CommonOptions.For();

    public ServeCommand(CliEnvironment environment)
        : base("serve", "Run the fake Upbit exchange with simulated markets on 127.0.0.1")
    {
        Add(_port);
        Add(_for);
        SetAction((result, token) => RunAsync(result.GetValue(_port), result.GetValue(_for), environment, token));
    }

    public (int Port, TimeSpan? For) Bind(ParseResult result) => (result.GetValue(_port), result.GetValue(_for));

    private static async Task<int> RunAsync(int port, TimeSpan? duration, CliEnvironment environment, CancellationToken cancellationToken)
    {
        await using var feed = await FeedSource.SimulateAsync(environment, port, cancellationToken);
        var server = feed.Server!;
        var output = environment.Out;
        await output.WriteLineAsync("Fake Upbit exchange listening on 127.0.0.1");
        await output.WriteLineAsync($"  public:  {server.PublicEndpoint}");
        await output.WriteLineAsync($"  private: {server.PrivateEndpoint} (access key '{server.Exchange.Options.AccessKey}')");
        await output.WriteLineAsync($"  markets: {string.Join(", ", server.Exchange.Market.Codes)}");
        await output.WriteLineAsync(duration is { } d ? $"Stopping after {Parsing.Durations.Format(d)}." : "Press Ctrl+C to stop.");
        await output.FlushAsync(cancellationToken);
        var outcome = new RunOutcome();
        using var stop = cancellationToken.Register(outcome.Done);
        using var timer = duration is { } limit ? Observable.Timer(limit, environment.Scheduler).Subscribe(_ => outcome.Done()) : null;
        await outcome.Completion;
        return await outcome.ReportAsync(environment.Error);
    }
}
