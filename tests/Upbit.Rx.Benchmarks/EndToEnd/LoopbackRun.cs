using System.Diagnostics;
using Upbit.Rx.Testing;
using Upbit.Rx.Server;

namespace Upbit.Rx.Benchmarks.EndToEnd;

/// <summary>
/// One run over real sockets: a fresh loopback server on 127.0.0.1 and a fresh client with its subscribers, then the
/// warm-up, saturated and paced phases of the <see cref="RunPlan"/>.
/// </summary>
internal static class LoopbackRun
{
    private static readonly FakeExchangeOptions ExchangeOptions = new()
    {
        // NB: the benchmark codes are not listed, so the simulator sends nothing for them; it ticks once an hour anyway.
        IdleTimeout = Timeout.InfiniteTimeSpan,
        Market = new MarketSimulatorOptions { Codes = ["KRW-BTC"], TickInterval = TimeSpan.FromHours(1) },
    };

    public static async Task<RunResult> RunAsync(Scenario scenario, IReadOnlyList<byte[]> frames, RunPlan plan, CancellationToken cancellation)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(ExchangeOptions, cancellationToken: cancellation);
        var sentAt = new long[plan.Total];
        var probe = new DeliveryProbe(sentAt, plan.Total * scenario.Fanout);
        await using var subscribers = await LoopbackSubscribers.StartAsync(scenario, server, probe, cancellation);
        var session = await OpenSessionAsync(server, awaitRequests: scenario.Route != Route.RawSocket, cancellation);
        var producer = new Producer(session, frames, sentAt, probe, scenario.Fanout, cancellation);

        producer.Saturate(0, plan.Warmup, plan.Window);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        producer.Saturate(plan.Warmup, plan.Measured, plan.Window);
        var elapsed = Stopwatch.GetElapsedTime(start);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var pacedFrom = plan.Warmup + plan.Measured;
        producer.Pace(pacedFrom, plan.Paced, plan.PacedRate);
        if (probe.Delivered != (long)plan.Total * scenario.Fanout)
        {
            throw new InvalidOperationException($"{scenario}: {probe.Delivered} callbacks, expected {(long)plan.Total * scenario.Fanout}.");
        }

        var fanout = scenario.Fanout;
        var saturated = probe.Percentiles((long)plan.Warmup * fanout, (long)pacedFrom * fanout);
        var paced = probe.Percentiles((long)pacedFrom * fanout, (long)plan.Total * fanout);
        return new RunResult(
            plan.Measured / elapsed.TotalSeconds,
            (double)plan.Measured * fanout / elapsed.TotalSeconds,
            (double)allocated / plan.Measured,
            paced.P50,
            paced.P99,
            saturated.P99);
    }

    /// <summary>The server session of the client's public connection, once the client's subscription requests have
    /// settled (no new one for a second), so the pacer is quiet while frames are timed.</summary>
    private static async Task<ExchangeSession> OpenSessionAsync(LoopbackUpbitServer server, bool awaitRequests, CancellationToken cancellation)
    {
        var exchange = server.Exchange;
        var requests = -1;
        var quietSince = Stopwatch.GetTimestamp();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await poll.WaitForNextTickAsync(cancellation))
        {
            var open = exchange.Connections.Where(c => c.IsOpen && c.Path == ConnectionRecord.PublicPath).ToList();
            var count = exchange.Requests.Count;
            if (count != requests)
            {
                requests = count;
                quietSince = Stopwatch.GetTimestamp();
            }

            var settled = !awaitRequests || (count > 0 && Stopwatch.GetElapsedTime(quietSince) > TimeSpan.FromSeconds(1));
            if (open.Count == 1 && settled)
            {
                return exchange.Hub.Find(open[0].Id) ?? throw new InvalidOperationException("The public connection closed before the run.");
            }
        }

        throw new OperationCanceledException(cancellation);
    }
}
