using System.Diagnostics;
using System.Globalization;
using Upbit.Rx.Gateway;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Benchmarks.Gateway;

/// <summary>The gateway churn soak: N downstream clients, each every 0.5–2 s either replacing its subscription with a
/// random subset or disconnecting and reconnecting; memory and counters sampled every 30 s.</summary>
internal static class GatewaySoak
{
    private static readonly string[] Codes = ["KRW-BTC", "KRW-ETH", "KRW-XRP", "BTC-ETH", "USDT-BTC"];

    public static async Task<int> RunAsync(double minutes, int clientCount)
    {
        // NB: the simulator's own histories are bounded but take half an hour to fill; kept small here, so what grows is the gateway's.
        var market = GatewayBench.Market();
        var options = market with
        {
            LogLimit = 1_000,
            Market = market.Market with { TradeHistoryLimit = 200, CandleHistoryLimit = 200 },
        };
        await using var server = await LoopbackUpbitServer.StartAsync(options);
        await using var upstream = new UpbitClient(new UpbitClientOptions { PublicEndpoint = server.PublicEndpoint, RestEndpoint = server.RestEndpoint });
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { IdleTimeout = Timeout.InfiniteTimeSpan });
        var endpoint = await gateway.StartAsync();
        var random = new Random(14);
        var clients = new GatewayClient[clientCount];
        for (var i = 0; i < clientCount; i++)
        {
            clients[i] = await GatewayClient.ConnectAsync(endpoint, GatewayBench.Request(Subset(random)), probe: false);
        }

        var (reconnects, replaces) = (0L, 0L);
        var wall = Stopwatch.StartNew();
        var nextSample = TimeSpan.Zero;
        Console.WriteLine("minute | managed heap MB | working set MB | downstream | upstream keys | upstream conns | reconnects | replaces | frames out");
        while (wall.Elapsed < TimeSpan.FromMinutes(minutes))
        {
            if (wall.Elapsed >= nextSample)
            {
                Sample(wall.Elapsed, gateway, server, reconnects, replaces);
                nextSample += TimeSpan.FromSeconds(30);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500.0 / clientCount * (1 + random.NextDouble() * 3)));
            var index = random.Next(clientCount);
            if (random.NextDouble() < 0.3)
            {
                await clients[index].DisposeAsync();
                clients[index] = await GatewayClient.ConnectAsync(endpoint, GatewayBench.Request(Subset(random)), probe: false);
                reconnects++;
            }
            else
            {
                await clients[index].SendAsync(GatewayBench.Request(Subset(random)));
                replaces++;
            }
        }

        Sample(wall.Elapsed, gateway, server, reconnects, replaces);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        return 0;
    }

    private static string[] Subset(Random random) => [.. Codes.Where(_ => random.NextDouble() < 0.5).DefaultIfEmpty("KRW-BTC")];

    private static void Sample(TimeSpan at, UpbitGateway gateway, LoopbackUpbitServer server, long reconnects, long replaces)
    {
        var heap = GC.GetTotalMemory(true) / 1048576.0;
        using var process = Process.GetCurrentProcess();
        var status = gateway.Status;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{at.TotalMinutes,6:0.0} | {heap,15:0.0} | {process.WorkingSet64 / 1048576.0,14:0.0} | {status.DownstreamConnections,10} | {status.UpstreamKeys,13} | {server.Exchange.Connections.Count,14} | {reconnects,10} | {replaces,8} | {status.FramesOut}"));
    }
}
