using System.Reactive.Concurrency;
using Spectre.Console;
using Upbit.Rx.Testing;
using Upbit.Rx.Gateway;

namespace Upbit.Rx.Cli;

/// <summary>
/// Everything a command writes to or waits on, passed in so tests can run commands in-process: the output and error
/// writers, the live terminal (or none, which means plain lines), and the scheduler of the CLI's own timers.
/// </summary>
internal sealed record CliEnvironment
{
    /// <summary>Standard output: plain data lines, help, served URLs.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: one-line errors and, in plain mode, connection changes.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The terminal for live views; <see langword="null"/> when output is redirected (plain lines instead).</summary>
    public IAnsiConsole? Terminal { get; init; }

    /// <summary>The clock and timers of the CLI itself (<c>--for</c>, refresh, receive timestamps).</summary>
    public IScheduler Scheduler { get; init; } = DefaultScheduler.Instance;

    /// <summary>Called with each loopback server a command starts (<c>--simulate</c>, <c>replay</c>, <c>serve</c>), so a test can look at it.</summary>
    public Action<LoopbackUpbitServer>? ServerStarted { get; init; }

    /// <summary>Called with the gateway <c>upbit-rx gateway</c> starts, so a test can look at it.</summary>
    public Action<UpbitGateway>? GatewayStarted { get; init; }

    /// <summary>The process console: live views only when standard output is a terminal.</summary>
    public static CliEnvironment ForProcess()
    {
        var terminal = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive ? AnsiConsole.Console : null;
        return new CliEnvironment { Out = Console.Out, Error = Console.Error, Terminal = terminal };
    }
}
