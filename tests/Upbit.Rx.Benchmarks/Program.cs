using BenchmarkDotNet.Running;
using Upbit.Rx.Benchmarks.EndToEnd;

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
