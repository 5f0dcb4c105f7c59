using System.Runtime;
using System.Runtime.InteropServices;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// <c>dotnet run -c Release --project tests/Upbit.Rx.Benchmarks -- sidebyside [options]</c>: one loopback server in
/// this process; every client in its own process, the clients interleaved over the rounds (every other round in
/// reverse), each feed in turn; then one Markdown table per feed. Bounded: cancelled after an hour.
/// </summary>
internal static class SideBySideCommand
{
    private static readonly FakeExchangeOptions ExchangeOptions = new()
    {
        // NB: the benchmark codes are listed (the client fails streams of unknown codes), but the simulator ticks once
        // an hour, so it sends nothing but their snapshots, which the clients do not count (their stamps are below
        // FeedFrames.StampBase).
        IdleTimeout = Timeout.InfiniteTimeSpan,
        Market = new MarketSimulatorOptions { Codes = ["KRW-BTC", .. TickerBatch.Codes], TickInterval = TimeSpan.FromHours(1) },
        ConnectsPerSecond = 1_000,
    };

    public static int Run(IReadOnlyList<string> args)
    {
        SideBySideSettings? settings;
        try
        {
            settings = SideBySideSettings.TryParse(args);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            Console.Error.WriteLine(e.Message);
            settings = null;
        }

        if (settings is null)
        {
            Console.Error.WriteLine(SideBySideSettings.Usage);
            return 2;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromHours(1));
        RunAsync(settings, timeout.Token).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync(SideBySideSettings settings, CancellationToken cancellation)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(ExchangeOptions, cancellationToken: cancellation);
        var feeds = settings.Feeds.Select(f => new FeedFrames(f)).ToList();
        var report = new SideBySideReport(settings);
        Console.WriteLine($"{RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; {Environment.ProcessorCount} logical cores; " +
                          $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; plan {settings.Plan}; frame bytes {string.Join(", ", feeds.Select(f => $"{f.Feed} {f.Sizes}"))}");
        await WarmServerAsync(server, feeds, settings, cancellation);
        for (var round = 1; round <= settings.Rounds; round++)
        {
            var load = SideBySideReport.LoadAverage();
            report.Loads.Add(load);
            Console.WriteLine($"round {round} start, load average {load}");
            foreach (var feed in feeds)
            {
                // NB: every other round runs the clients in reverse, so none always goes first.
                foreach (var kind in round % 2 == 1 ? settings.Clients : settings.Clients.Reverse())
                {
                    ClientResult result;
                    try
                    {
                        result = await ServerRun.RunAsync(server, feed, kind, settings.Plan, cancellation);
                    }
                    catch (InvalidOperationException e)
                    {
                        // NB: one failed run is reported and left out of the medians; it does not end the benchmark.
                        Console.WriteLine($"round {round} {feed.Feed,-10} {kind,-9} FAILED: {e.Message}");
                        report.Failures++;
                        continue;
                    }

                    report.Add(feed.Feed, kind, result);
                    Console.WriteLine($"round {round} {feed.Feed,-10} {kind,-9} {SideBySideReport.Line(result)}");
                }
            }
        }

        report.Loads.Add(SideBySideReport.LoadAverage());
        Console.WriteLine();
        report.Print(Console.Out);
    }

    /// <summary>
    /// Runs a bare socket and an Upbit.Rx client on every feed once, unrecorded, so the server's own code (pushing,
    /// stamping, the sessions of both kinds) is compiled at its optimized tier before the first round is measured.
    /// </summary>
    private static async Task WarmServerAsync(LoopbackUpbitServer server, List<FeedFrames> feeds, SideBySideSettings settings, CancellationToken cancellation)
    {
        if (settings.ServerWarmup == 0)
        {
            return;
        }

        var plan = new ClientPlan(settings.ServerWarmup, 20_000, 1_000, 10_000, settings.Window);
        foreach (var feed in feeds)
        {
            foreach (var kind in new[] { ClientKind.Raw, ClientKind.Rx1 })
            {
                try
                {
                    var result = await ServerRun.RunAsync(server, feed, kind, plan, cancellation);
                    Console.WriteLine($"server warm-up {feed.Feed,-10} {kind,-9} {result.MessagesPerSecond,9:N0} msgs/s (left out)");
                }
                catch (InvalidOperationException e)
                {
                    Console.WriteLine($"server warm-up {feed.Feed,-10} {kind,-9} FAILED (left out): {e.Message}");
                }
            }
        }
    }
}
