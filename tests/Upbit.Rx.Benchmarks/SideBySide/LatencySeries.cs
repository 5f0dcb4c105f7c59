using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// Diagnostic: every paced message's send stamp (relative to the first) and latency, in delivery order, with the
/// number of gen0 collections the process had made when it was delivered. A child writes one file per run into the
/// folder named by <see cref="Variable"/> when it is set, so the tail can be taken apart offline (<see cref="TailReport"/>):
/// by a message's place in the server's burst (queueing behind the burst's decoding), by how close it came after a
/// collection, or by neither (the scheduler).
/// </summary>
internal static class LatencySeries
{
    /// <summary>The environment variable that names the folder to write to (the children inherit it).</summary>
    public const string Variable = "UPBIT_RX_SIDEBYSIDE_LATENCIES";

    /// <summary>The folder to write to, or <see langword="null"/> when the diagnostic is off.</summary>
    public static string? Directory => Environment.GetEnvironmentVariable(Variable);

    /// <summary>
    /// Writes <c>index,sent_us,latency_us,gen0</c> lines to <c>&lt;label&gt;-&lt;pid&gt;.csv</c>; <paramref name="stamps"/>
    /// (the server's send stamps) and <paramref name="latencies"/> are <see cref="Stopwatch"/> ticks.
    /// </summary>
    public static void Write(string label, long[] stamps, long[] latencies, int[] gen0)
    {
        if (Directory is not { } folder)
        {
            return;
        }

        var text = new StringBuilder("index,sent_us,latency_us,gen0\n");
        for (var i = 0; i < latencies.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{Stopwatch.GetElapsedTime(stamps[0], stamps[i]).TotalMicroseconds:0.0},{Stopwatch.GetElapsedTime(0, latencies[i]).TotalMicroseconds:0.0},{gen0[i]}\n");
        }

        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{label.Replace(' ', '-')}-{Environment.ProcessId}.csv"), text.ToString());
    }
}
