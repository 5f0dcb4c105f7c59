using System.Diagnostics;
using System.Globalization;
using Upbit.Rx.Gateway;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Benchmarks.Gateway;

/// <summary>
/// <c>gateway [clients] [seconds]</c>: one upstream (the loopback fake exchange) feeding N downstream sockets through the
/// gateway, all in this process; prints CPU per delivered message, the latency the gateway adds (upstream client
/// delivery → a probe client's receive) and memory. <c>gateway-soak [minutes] [clients]</c>: clients that churn their
/// subscriptions and reconnect for the whole run, with memory sampled every 30 s.
/// </summary>
internal static class GatewayBench
{
    private static readonly string[] Codes = ["KRW-BTC", "KRW-ETH", "KRW-XRP", "BTC-ETH", "USDT-BTC"];

    public static int Run(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        return RunAsync(clients, seconds).GetAwaiter().GetResult();
    }

    public static int Soak(string[] args)
    {
        var minutes = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        return GatewaySoak.RunAsync(minutes, clients).GetAwaiter().GetResult();
    }

    internal static string Request(IEnumerable<string> codes) =>
        "[{\"ticket\":\"bench\"},{\"type\":\"ticker\",\"codes\":[" + string.Join(',', codes.Select(c => $"\"{c}\"")) + "]},"
        + "{\"type\":\"trade\",\"codes\":[" + string.Join(',', codes.Select(c => $"\"{c}\"")) + "]},"
        + "{\"type\":\"orderbook\",\"codes\":[" + string.Join(',', codes.Select(c => $"\"{c}.15\"")) + "]}]";

    internal static FakeExchangeOptions Market() => new()
    {
        // NB: 5 pairs × (ticker, trade, book) every 100 ms: 150 msgs/s upstream, about a busy afternoon on Upbit's KRW majors.
        Market = new MarketSimulatorOptions { Codes = Codes, TickInterval = TimeSpan.FromMilliseconds(100) },
        IdleTimeout = Timeout.InfiniteTimeSpan,
    };

    private static async Task<int> RunAsync(int clientCount, int seconds)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(Market());
        await using var upstream = new UpbitClient(new UpbitClientOptions { PublicEndpoint = server.PublicEndpoint, RestEndpoint = server.RestEndpoint });
        var upstreamArrivals = new Dictionary<string, long>();
        void Note(UpbitMessage m)
        {
            if (GatewayClient.Identity(m) is { } id)
            {
                var at = Stopwatch.GetTimestamp();
                lock (upstreamArrivals)
                {
                    upstreamArrivals.TryAdd(id, at);
                }
            }
        }

        // NB: this observer shares the gateway's client subscriptions (same keys), so it sees each message when the gateway does.
        using var t1 = upstream.Ticker(Codes).Subscribe(Note);
        using var t2 = upstream.Trade(Codes).Subscribe(Note);
        using var t3 = upstream.Orderbook(30, 0m, Codes).Subscribe(Note);
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { IdleTimeout = Timeout.InfiniteTimeSpan });
        var endpoint = await gateway.StartAsync();
        var clients = new List<GatewayClient>();
        for (var i = 0; i < clientCount; i++)
        {
            clients.Add(await GatewayClient.ConnectAsync(endpoint, Request(Codes), probe: i == 0));
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var (cpu0, frames0, in0, heap0) = (process.TotalProcessorTime, clients.Sum(c => c.Frames), gateway.Status.MessagesIn, GC.GetTotalMemory(true));
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        process.Refresh();
        var (cpu1, frames1, in1) = (process.TotalProcessorTime, clients.Sum(c => c.Frames), gateway.Status.MessagesIn);
        var elapsed = wall.Elapsed;
        var heap1 = GC.GetTotalMemory(true);
        process.Refresh();

        var probe = clients[0].Arrivals!;
        List<double> added;
        lock (upstreamArrivals)
        {
            lock (probe)
            {
                added = [.. probe.Where(p => upstreamArrivals.ContainsKey(p.Key))
                    .Select(p => (p.Value - upstreamArrivals[p.Key]) * 1000.0 / Stopwatch.Frequency).Order()];
            }
        }

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        var delivered = frames1 - frames0;
        double Percentile(double p) => added.Count == 0 ? double.NaN : added[(int)Math.Min(added.Count - 1, Math.Floor(p * added.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clients {clientCount}, {elapsed.TotalSeconds:0.0} s measured"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"upstream msgs/s {(in1 - in0) / elapsed.TotalSeconds:0.0}; delivered msgs/s {delivered / elapsed.TotalSeconds:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU {(cpu1 - cpu0).TotalSeconds / elapsed.TotalSeconds * 100:0.0}% of one core; CPU per delivered message {(cpu1 - cpu0).TotalMicroseconds / delivered:0.0} us"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added latency (upstream client -> probe client), {added.Count} msgs: p50 {Percentile(0.5):0.000} ms, p99 {Percentile(0.99):0.000} ms, max {(added.Count == 0 ? double.NaN : added[^1]):0.000} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed heap {heap0 / 1048576.0:0.0} -> {heap1 / 1048576.0:0.0} MB; working set {process.WorkingSet64 / 1048576.0:0.0} MB; upstream connections {server.Exchange.Connections.Count}"));
        return 0;
    }
}
