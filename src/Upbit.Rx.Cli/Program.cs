using System.Runtime.InteropServices;

namespace Upbit.Rx.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        // NB: Ctrl+C and SIGTERM end the command through its token, so views close and the exit code stays 0.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        return await new CliApp(CliEnvironment.ForProcess()).RunAsync(args, stop.Token);
    }
}
