using System.Globalization;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// Takes apart the p99 tail of the latency series a side-by-side run wrote (<see cref="LatencySeries"/>). Frames the
/// server pushed within 200 µs of each other form one burst (it pushes what is due, then waits about 1 ms; when that
/// wait runs long, the next burst carries the frames it owes). One line per child: p50 and p99; the bursts, and how many
/// were catch-up bursts (more than 1.5 times the nominal size); the median latency at each place in a burst of the
/// nominal size (does a frame wait behind the decoding of the frames before it?); and where the tail's messages are: in
/// catch-up bursts, in bursts whose first frame was already late (the whole burst arrived or was picked up late, so it
/// did not queue behind decoding), and within two bursts after a gen0 collection; and the stalls: runs of consecutive
/// bursts holding tail messages.
/// </summary>
/// <remarks>Command: <c>tail &lt;folder&gt; [--burst N]</c>, N being the nominal frames per burst (the rate / 1,000; 10
/// by default). The series must be in the server's send order, which holds for clients with one connection.</remarks>
internal static class TailReport
{
    private const double BurstGapMicroseconds = 200;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: tail <folder written by UPBIT_RX_SIDEBYSIDE_LATENCIES> [--burst 10]");
            return 2;
        }

        var nominal = args is [_, "--burst", var b] ? int.Parse(b, CultureInfo.InvariantCulture) : 10;
        Console.WriteLine("| Child | p50 µs | p99 µs | bursts (catch-up, largest) | median µs by place in a nominal burst | tail in catch-up bursts | tail in bursts late from their first frame | tail within 2 ms after a gen0 GC (GCs) | stalls (median, longest, in bursts) |");
        Console.WriteLine("|---|--:|--:|--:|---|--:|--:|--:|--:|");
        foreach (var file in Directory.GetFiles(args[0], "*.csv").Order(StringComparer.Ordinal))
        {
            Console.WriteLine(Describe(Path.GetFileNameWithoutExtension(file), Series.Read(file), nominal));
        }

        return 0;
    }

    private static string Describe(string name, Series s, int nominal)
    {
        var n = s.Latency.Length;
        var sorted = s.Latency.Order().ToArray();
        var p50 = sorted[n / 2];
        var p99 = sorted[(int)(n * 0.99)];
        var inTail = s.Latency.Select(l => l >= p99).ToArray();
        var tail = inTail.Count(t => t);

        // NB: burst[i] is the index of the first message of message i's burst; place[i] its place in that burst.
        var first = new int[n];
        var place = new int[n];
        for (var i = 1; i < n; i++)
        {
            var same = s.Sent[i] - s.Sent[i - 1] <= BurstGapMicroseconds;
            first[i] = same ? first[i - 1] : i;
            place[i] = same ? place[i - 1] + 1 : 0;
        }

        var size = new int[n];
        for (var i = n - 1; i >= 0; i--)
        {
            size[i] = i + 1 < n && first[i + 1] == first[i] ? size[i + 1] : place[i] + 1;
        }

        var starts = Enumerable.Range(0, n).Where(i => place[i] == 0).ToArray();
        var catchUp = starts.Count(i => size[i] > nominal * 1.5);
        var byPlace = Enumerable.Range(0, nominal).Select(k => Median([.. Enumerable.Range(0, n).Where(i => size[i] == nominal && place[i] == k).Select(i => s.Latency[i])]));
        var inCatchUp = Enumerable.Range(0, n).Count(i => inTail[i] && size[i] > nominal * 1.5);
        var lateFromFirst = Enumerable.Range(0, n).Count(i => inTail[i] && inTail[first[i]]);

        // NB: "after a collection": the process had made one more gen0 collection by this message than two nominal
        // bursts (about 2 ms) before it, so the pause or its catching up can have delayed it.
        var afterGc = Enumerable.Range(2 * nominal, Math.Max(0, n - (2 * nominal))).Count(i => inTail[i] && s.Gen0[i] != s.Gen0[i - (2 * nominal)]);
        var stalls = Stalls(starts, inTail, first);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {p50:0} | {p99:0} | {starts.Length} ({catchUp}, {size.Max()}) | {string.Join(" ", byPlace.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))} | {Share(inCatchUp, tail)} | {Share(lateFromFirst, tail)} | {Share(afterGc, tail)} ({s.Gen0[^1] - s.Gen0[0]}) | {stalls.Length} ({Median([.. stalls.Select(x => (double)x)]):0}, {stalls.Max()}) |");
    }

    /// <summary>The lengths, in bursts, of the runs of consecutive bursts that hold a tail message.</summary>
    private static int[] Stalls(int[] starts, bool[] inTail, int[] first)
    {
        var late = new HashSet<int>(Enumerable.Range(0, inTail.Length).Where(i => inTail[i]).Select(i => first[i]));
        var runs = new List<int>();
        var current = 0;
        foreach (var start in starts)
        {
            if (late.Contains(start))
            {
                current++;
            }
            else if (current > 0)
            {
                runs.Add(current);
                current = 0;
            }
        }

        if (current > 0)
        {
            runs.Add(current);
        }

        return runs.Count == 0 ? [0] : [.. runs];
    }

    private static string Share(int part, int whole) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / Math.Max(1, whole):0}%");

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values.Length == 0 ? 0 : values[values.Length / 2];
    }

    private sealed record Series(double[] Sent, double[] Latency, int[] Gen0)
    {
        public static Series Read(string file)
        {
            var rows = File.ReadAllLines(file).Skip(1).Select(l => l.Split(',')).ToArray();
            return new(
                [.. rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture))],
                [.. rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture))],
                [.. rows.Select(r => int.Parse(r[3], CultureInfo.InvariantCulture))]);
        }
    }
}
