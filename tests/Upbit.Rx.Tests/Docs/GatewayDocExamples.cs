using Upbit.Rx.Gateway;

namespace Upbit.Rx.Tests.Docs;

/// <summary>The C# example of docs/gateway.md, verbatim, so the build compiles it (see <see cref="GatewayDocTests"/>).</summary>
internal static class GatewayDocExamples
{
    static async Task InCode()
    {
        await using var upbit = new UpbitClient();                       // the upstream, yours to configure and dispose
        await using var gateway = new UpbitGateway(upbit, new UpbitGatewayOptions { Port = 8765 });
        await gateway.StartAsync();                                       // ws://127.0.0.1:8765/websocket/v1
        Console.WriteLine(gateway.Status);                                // connections, upstream state, counters
    }
}
