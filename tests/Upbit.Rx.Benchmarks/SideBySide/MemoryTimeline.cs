using System.Globalization;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// Diagnostic: how a child's memory moves over a long paced phase, so a figure taken at the end can be told apart as a
/// plateau or a climb. With <see cref="Variable"/> set, a child appends one line every <see cref="EverySeconds"/> s of
/// its paced phase: working set, anonymous resident memory, the GC heap after the last collection and each
/// generation's share of it, the bytes allocated so far, and how many collections of each generation ran so far.
/// </summary>
/// <remarks>NB: passive: it forces no collection, so what it reports is what the process holds, garbage that the
/// collector has not reached yet included.</remarks>
internal static class MemoryTimeline
{
    /// <summary>The environment variable that names the file to append to (the children inherit it).</summary>
    public const string Variable = "UPBIT_RX_SIDEBYSIDE_MEMORY";

    /// <summary>Seconds of paced messages between two lines.</summary>
    public const int EverySeconds = 15;

    /// <summary>The file to append to, or <see langword="null"/> when the diagnostic is off.</summary>
    public static string? File { get; } = Environment.GetEnvironmentVariable(Variable);

    /// <summary>Appends a line when <paramref name="paced"/> (0-based) ends a whole period at <paramref name="rate"/> msgs/s.</summary>
    public static void MaybeSample(string label, long paced, int rate)
    {
        var every = (long)Math.Max(1, rate) * EverySeconds;
        if (File is { } file && (paced + 1) % every == 0)
        {
            Sample(file, label, paced, rate);
        }
    }

    // NB: a method of its own: its lambda captures a local, and the compiler allocates that capture where the method
    // starts. Inlined into MaybeSample, that was 24 bytes on every message, on the client being measured, and the bare
    // socket's collections and memory over a long run were the diagnostic's.
    private static void Sample(string file, string label, long paced, int rate)
    {
        var info = GC.GetGCMemoryInfo();
        var generations = string.Join(
            " ",
            Enumerable.Range(0, info.GenerationInfo.Length).Select(g => string.Create(CultureInfo.InvariantCulture, $"{Names[Math.Min(g, Names.Length - 1)]}={info.GenerationInfo[g].SizeAfterBytes / 1048576.0:0.0}")));
        System.IO.File.AppendAllText(
            file,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{label} t={(paced + 1) / Math.Max(1, rate)}s WS={Environment.WorkingSet / 1048576.0:0.0} anon={Resident.AnonymousKb() / 1024.0:0.0} heap={info.HeapSizeBytes / 1048576.0:0.0} [{generations}] allocated={GC.GetTotalAllocatedBytes() / 1048576.0:0.0} collections gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)}\n"));
    }

    private static readonly string[] Names = ["gen0", "gen1", "gen2", "loh", "poh"];
}
