using BenchmarkDotNet.Running;
using Upbit.Rx.Benchmarks.EndToEnd;
using Upbit.Rx.Benchmarks.SideBySide;

namespace Upbit.Rx.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        // NB: the socket benchmark is a custom harness (it needs a server, a client and phases BenchmarkDotNet cannot
        // express); everything else goes to BenchmarkDotNet.
        if (args is ["e2e", .. var rest])
        {
            return EndToEndCommand.Run(rest);
        }

        // NB: the side-by-side mode runs each client in a child process of this same executable.
        if (args is ["sidebyside", .. var options])
        {
            return SideBySideCommand.Run(options);
        }

        if (args is ["tail", .. var tailArgs])
        {
            return TailReport.Run(tailArgs);
        }

        if (args is [nameof(ChildClient), .. var client])
        {
            return ChildClient.Run(client);
        }

        if (args is ["gateway", .. var gatewayArgs])
        {
            return Gateway.GatewayBench.Run(gatewayArgs);
        }

        if (args is ["gateway-soak", .. var soakArgs])
        {
            return Gateway.GatewayBench.Soak(soakArgs);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
