using System.Globalization;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>The process's own resident memory, as Linux counts it.</summary>
internal static class Resident
{
    /// <summary><c>RssAnon</c> from <c>/proc/self/status</c>, in KB; 0 where there is no such file.</summary>
    public static long AnonymousKb()
    {
        const string Path = "/proc/self/status";
        if (!File.Exists(Path))
        {
            return 0;
        }

        var line = File.ReadLines(Path).FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
