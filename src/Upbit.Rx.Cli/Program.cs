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
        // NB: SIGHUP (the terminal closed) ends as SIGINT and SIGTERM do, so record still prints its summary. Under nohup
        // (SIGHUP inherited as ignored) .NET installs no handler and the hang-up is ignored, as nohup asks.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        return await new CliApp(CliEnvironment.ForProcess()).RunAsync(args, stop.Token);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
