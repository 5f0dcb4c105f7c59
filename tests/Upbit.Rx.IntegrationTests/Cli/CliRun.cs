using Spectre.Console;
using Upbit.Rx.Cli;
using Upbit.Rx.Gateway;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Cli;

/// <summary>Runs one <c>upbit-rx</c> command line in-process with captured output, and keeps the loopback servers it starts.</summary>
internal sealed class CliRun
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly List<LoopbackUpbitServer> _servers = [];
    private readonly TaskCompletionSource<LoopbackUpbitServer> _firstServer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<UpbitGateway> _gateway = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Standard output so far (read it after the run; the writer is synchronized while it runs).</summary>
    public string Out => _out.ToString();

    public string Error => _error.ToString();

    public IReadOnlyList<string> Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The first loopback server the command started (for <c>--simulate</c>, <c>replay</c>, <c>serve</c>).</summary>
    public Task<LoopbackUpbitServer> Server => _firstServer.Task;

    /// <summary>The gateway <c>upbit-rx gateway</c> started.</summary>
    public Task<UpbitGateway> Gateway => _gateway.Task;

    public Task<int> RunAsync(CancellationToken cancellationToken, params string[] args) => RunAsync(terminalWidth: null, args, cancellationToken);

    /// <summary>Runs with a (non-interactive, colourless) Spectre terminal of the given width instead of plain lines.</summary>
    public Task<int> RunInTerminalAsync(CancellationToken cancellationToken, params string[] args) => RunAsync(terminalWidth: 160, args, cancellationToken);

    /// <summary>Runs with a (non-interactive, colourless) Spectre terminal of <paramref name="width"/> × 24.</summary>
    public Task<int> RunInTerminalAsync(int width, CancellationToken cancellationToken, params string[] args) => RunAsync(width, args, cancellationToken);

    private async Task<int> RunAsync(int? terminalWidth, string[] args, CancellationToken cancellationToken)
    {
        var output = TextWriter.Synchronized(_out);
        IAnsiConsole? terminal = null;
        if (terminalWidth is { } width)
        {
            terminal = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(output),
            });
            terminal.Profile.Width = width;
            terminal.Profile.Height = 24;
        }

        var environment = new CliEnvironment
        {
            Out = output,
            Error = TextWriter.Synchronized(_error),
            Terminal = terminal,
            ServerStarted = server =>
            {
                lock (_servers)
                {
                    _servers.Add(server);
                }

                _firstServer.TrySetResult(server);
            },
            GatewayStarted = gateway => _gateway.TrySetResult(gateway),
        };
        return await new CliApp(environment).RunAsync(args, cancellationToken);
    }
}
