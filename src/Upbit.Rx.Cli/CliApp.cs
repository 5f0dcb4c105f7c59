using System.CommandLine;
using Upbit.Rx.Cli.Commands;

namespace Upbit.Rx.Cli;

/// <summary>
/// The <c>upbit-rx</c> command line: parses with System.CommandLine, runs the command against the given
/// <see cref="CliEnvironment"/>, and turns every failure into one line on standard error and an <see cref="ExitCodes"/> value.
/// </summary>
internal sealed class CliApp
{
    private readonly CliEnvironment _environment;

    public CliApp(CliEnvironment environment)
    {
        _environment = environment;
        Watch = new WatchCommand(environment);
        Record = new RecordCommand(environment);
        Replay = new ReplayCommand(environment);
        Serve = new ServeCommand(environment);
        Markets = new MarketsCommand(environment);
        Candles = new CandlesCommand(environment);
        Trades = new TradesCommand(environment);
        Gateway = new GatewayCommand(environment);
        Root = new RootCommand("upbit-rx: watch, record, replay, serve and share (gateway) Upbit market data, list markets, export history to CSV (Upbit.Rx).")
        {
            Watch,
            Record,
            Replay,
            Serve,
            Markets,
            Candles,
            Trades,
            Gateway,
        };
    }

    public RootCommand Root { get; }

    public WatchCommand Watch { get; }

    public RecordCommand Record { get; }

    public ReplayCommand Replay { get; }

    public ServeCommand Serve { get; }

    public MarketsCommand Markets { get; }

    public CandlesCommand Candles { get; }

    public TradesCommand Trades { get; }

    public GatewayCommand Gateway { get; }

    public ParseResult Parse(params string[] args) => Root.Parse(args);

    /// <summary>Runs one command line to completion and returns the process exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parse = Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // NB: an unknown command also trips "required command was not provided"; the unknown token is the one that helps.
            var errors = parse.UnmatchedTokens.Count == 0
                ? parse.Errors
                : [.. parse.Errors.Where(e => parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))];
            foreach (var error in errors.Count > 0 ? errors : parse.Errors)
            {
                await _environment.Error.WriteLineAsync("upbit-rx: " + error.Message);
            }

            await _environment.Error.WriteLineAsync("Run 'upbit-rx --help' (or 'upbit-rx <command> --help') for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = _environment.Out,
            Error = _environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException e)
        {
            await _environment.Error.WriteLineAsync("upbit-rx: " + e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }
}
