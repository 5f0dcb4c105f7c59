using System.Globalization;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>What one client process measured, printed as one <c>RESULT</c> line on its standard output.</summary>
/// <param name="MessagesPerSecond">Messages of the measured saturated phase per second (0 without one).</param>
/// <param name="CpuMicrosPerMessage">Process CPU time (every thread) over the measured phase, per message.</param>
/// <param name="BytesPerMessage">Bytes the client process allocated over the measured phase, per message.</param>
/// <param name="P50">Median latency of the paced phase, server stamp to callback, in microseconds.</param>
/// <param name="P99">99th percentile of the same.</param>
/// <param name="P999">99.9th percentile of the same.</param>
/// <param name="Max">Largest paced latency.</param>
/// <param name="WorkingSetMb">Resident set at the end of the run.</param>
/// <param name="PrivateMb">Anonymous resident memory (<c>RssAnon</c>): the process's own pages, no mapped files.</param>
/// <param name="GcHeapMb">The managed heap after the last collection.</param>
/// <param name="GcCommittedMb">Memory the GC has committed.</param>
/// <param name="Gen0">Gen0 collections over the measured phase.</param>
/// <param name="Gen2">Gen2 collections over the measured phase.</param>
/// <param name="PoolItemsPerMessage">Thread-pool work items completed over the measured phase, per message: how
/// often a frame's path hopped threads (socket completions, hand-offs, wake-ups), which CPU time alone does not show.</param>
internal sealed record ClientResult(
    double MessagesPerSecond,
    double CpuMicrosPerMessage,
    double BytesPerMessage,
    double P50,
    double P99,
    double P999,
    double Max,
    double WorkingSetMb,
    double PrivateMb,
    double GcHeapMb,
    double GcCommittedMb,
    int Gen0,
    int Gen2,
    double PoolItemsPerMessage)
{
    private const string Prefix = "RESULT ";

    public string ToLine() => Prefix + string.Join(' ', Values().Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    public static ClientResult? TryParse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var v = line[Prefix.Length..].Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], (int)v[11], (int)v[12], v[13]);
    }

    private double[] Values() => [MessagesPerSecond, CpuMicrosPerMessage, BytesPerMessage, P50, P99, P999, Max, WorkingSetMb, PrivateMb, GcHeapMb, GcCommittedMb, Gen0, Gen2, PoolItemsPerMessage];
}
