using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Upbit.Rx.Protocol;

namespace Upbit.Rx.Benchmarks.EndToEnd;

/// <summary>
/// <c>dotnet run -c Release --project tests/Upbit.Rx.Benchmarks -- e2e [rounds]</c>: every scenario over loopback
/// sockets, <c>rounds</c> times interleaved (default 3), then a Markdown table of the medians. Bounded: the whole
/// command is cancelled after 10 minutes.
/// </summary>
internal static class EndToEndCommand
{
    private static readonly Scenario[] Scenarios =
    [
        new(Route.RawSocket, 1),
        new(Route.WherePerSubscriber, 1),
        new(Route.Router, 1),
        new(Route.WherePerSubscriber, 1_000),
        new(Route.Router, 1_000),
    ];

    public static int Run(IReadOnlyList<string> args)
    {
        var rounds = 3;
        if (args.Count > 1 || (args.Count == 1 && (!int.TryParse(args[0], CultureInfo.InvariantCulture, out rounds) || rounds < 1)))
        {
            Console.Error.WriteLine("usage: e2e [rounds]   (rounds: a positive whole number, default 3)");
            return 2;
        }

        var plan = new RunPlan();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        Console.WriteLine($"Encoding {plan.Total:N0} ticker frames over {TickerBatch.CodeCount} codes…");
        var frames = Enumerable.Range(0, plan.Total).Select(i => FrameEncoder.EncodeUtf8(TickerBatch.Message(i), WireFormat.Default)).ToArray();
        Console.WriteLine($"Frame size {frames[0].Length} bytes (uncompressed). {plan}");

        var results = Scenarios.ToDictionary(s => s, _ => new List<RunResult>());
        for (var round = 1; round <= rounds; round++)
        {
            // NB: every other round runs the scenarios in reverse, so neither side of a pair always goes first.
            foreach (var scenario in round % 2 == 1 ? Scenarios : Enumerable.Reverse(Scenarios))
            {
                var result = LoopbackRun.RunAsync(scenario, frames, plan, timeout.Token).GetAwaiter().GetResult();
                results[scenario].Add(result);
                Console.WriteLine($"round {round} {scenario.Route,-18} {scenario.Subscribers,5}: {result}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; {Environment.ProcessorCount} logical cores; " +
                          $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; medians of {rounds} rounds");
        Print(results);
        return 0;
    }

    private static void Print(Dictionary<Scenario, List<RunResult>> results)
    {
        Console.WriteLine("| Route | Subscribers | msgs/s (min–max) | callbacks/s | msgs/s vs Where (min–max) | B/msg (process) | p50 paced | p99 paced | p99 saturated |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (scenario, runs) in results)
        {
            var rate = Median(runs, r => r.MessagesPerSecond);
            var baseline = results.GetValueOrDefault(new Scenario(Route.WherePerSubscriber, scenario.Subscribers));
            var ratio = baseline is null || scenario.Route == Route.RawSocket ? "–" : PairedRatios(runs, baseline);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Route} | {scenario.Subscribers:N0} | {rate:N0} ({runs.Min(r => r.MessagesPerSecond):N0}–{runs.Max(r => r.MessagesPerSecond):N0}) | {Median(runs, r => r.CallbacksPerSecond):N0} | {ratio} | " +
                $"{Median(runs, r => r.BytesPerMessage):N0} | {Ms(runs, r => r.PacedP50)} | {Ms(runs, r => r.PacedP99)} | {Ms(runs, r => r.SaturatedP99)} |"));
        }
    }

    /// <summary>
    /// The median, least and greatest of the per-round ratios: the machine's load drifts between rounds, and a ratio
    /// of two runs made seconds apart cancels most of it.
    /// </summary>
    private static string PairedRatios(List<RunResult> runs, List<RunResult> baseline)
    {
        var ratios = runs.Zip(baseline, (r, b) => r.MessagesPerSecond / b.MessagesPerSecond).ToArray();
        var median = Median(ratios);
        return string.Create(CultureInfo.InvariantCulture, $"{median:0.00} ({ratios.Min():0.00}–{ratios.Max():0.00})");
    }

    private static string Ms(List<RunResult> runs, Func<RunResult, TimeSpan> metric) =>
        Median(runs, r => metric(r).TotalMilliseconds).ToString("0.000", CultureInfo.InvariantCulture) + " ms";

    private static double Median(List<RunResult> runs, Func<RunResult, double> metric) => Median(runs.Select(metric));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
