using System.Globalization;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// Collects every run's result and prints one Markdown table per feed: medians over the rounds, with the least and
/// greatest; ratios are taken per round (a client against the baseline of the same round) and then summarised.
/// </summary>
internal sealed class SideBySideReport(SideBySideSettings settings)
{
    private readonly Dictionary<(FeedKind Feed, ClientKind Kind), List<ClientResult>> _results = [];

    public List<string> Loads { get; } = [];

    public int Failures { get; set; }

    public void Add(FeedKind feed, ClientKind kind, ClientResult result)
    {
        if (!_results.TryGetValue((feed, kind), out var list))
        {
            _results[(feed, kind)] = list = [];
        }

        list.Add(result);
    }

    /// <summary>The three load averages of <c>/proc/loadavg</c> (what <c>uptime</c> prints).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string Line(ClientResult r) =>
        Invariant($"{r.MessagesPerSecond,9:N0} msgs/s {r.CpuMicrosPerMessage,6:0.00} µs/msg {r.BytesPerMessage,7:N0} B/msg p50 {r.P50,7:N0} µs p99 {r.P99,7:N0} µs ") +
        Invariant($"p99.9 {r.P999,7:N0} µs max {r.Max,7:N0} µs WS {r.WorkingSetMb,5:0.0} MB anon {r.PrivateMb,5:0.0} MB heap {r.GcHeapMb,5:0.0} MB gen0 {r.Gen0} gen2 {r.Gen2} pool {r.PoolItemsPerMessage:0.00}/msg");

    public void Print(TextWriter output)
    {
        output.WriteLine($"Load averages at each round's start and at the end: {string.Join(" | ", Loads)}; failed runs (left out): {Failures}");
        var saturated = settings.Messages > 0;
        foreach (var feed in settings.Feeds)
        {
            output.WriteLine();
            output.WriteLine(Invariant($"### {feed}: medians of {settings.Rounds} rounds; latency at {settings.Rate:N0} msgs/s"));
            output.WriteLine();
            output.WriteLine("| Client | msgs/s (min–max) | vs raw + decode (min–max) | vs 3 sockets + decode (min–max) | CPU µs/msg | pool items/msg | B/msg | p50 | p99 | p99 vs raw (min–max) | working set | private (RssAnon) | GC heap |");
            output.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var kind in settings.Clients)
            {
                if (!_results.TryGetValue((feed, kind), out var runs))
                {
                    continue;
                }

                var rate = saturated ? Invariant($"{Median(runs, r => r.MessagesPerSecond):N0} ({runs.Min(r => r.MessagesPerSecond):N0}–{runs.Max(r => r.MessagesPerSecond):N0})") : "–";
                var vsDecode = saturated ? Ratios(runs, feed, ClientKind.RawDecode, r => r.MessagesPerSecond) : "–";
                var vsThree = saturated ? Ratios(runs, feed, ClientKind.RawDecode3, r => r.MessagesPerSecond) : "–";
                output.WriteLine(
                    Invariant($"| {kind} | {rate} | {vsDecode} | {vsThree} | {Median(runs, r => r.CpuMicrosPerMessage):0.00} | {Median(runs, r => r.PoolItemsPerMessage):0.00} | ") +
                    Invariant($"{Median(runs, r => r.BytesPerMessage):N0} | {Ms(Median(runs, r => r.P50))} | {Ms(Median(runs, r => r.P99))} | ") +
                    Invariant($"{Ratios(runs, feed, ClientKind.Raw, r => r.P99)} | {Median(runs, r => r.WorkingSetMb):0.0} MB | {Median(runs, r => r.PrivateMb):0.0} MB | {Median(runs, r => r.GcHeapMb):0.0} MB |"));
            }
        }
    }

    /// <summary>Per round, this client's figure over the baseline's of the same round: median (least–greatest).</summary>
    private string Ratios(List<ClientResult> runs, FeedKind feed, ClientKind baseline, Func<ClientResult, double> metric)
    {
        if (!_results.TryGetValue((feed, baseline), out var baseRuns))
        {
            return "–";
        }

        var ratios = runs.Zip(baseRuns, (r, b) => metric(b) > 0 ? metric(r) / metric(b) : double.NaN).Where(x => !double.IsNaN(x)).ToArray();
        return ratios.Length == 0 ? "–" : Invariant($"{Median(ratios):0.00} ({ratios.Min():0.00}–{ratios.Max():0.00})");
    }

    private static string Ms(double micros) => Invariant($"{micros / 1000:0.000} ms");

    private static double Median(List<ClientResult> runs, Func<ClientResult, double> metric) => Median(runs.Select(metric));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
