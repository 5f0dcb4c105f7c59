using System.Globalization;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// Diagnostic: CPU time and context switches of each thread of this process, from <c>/proc/self/task</c> (Linux only;
/// empty elsewhere). A child writes one line per run to the file named by <see cref="Variable"/> when it is set, with
/// each thread's share of the measured phase, so a slow round can be told apart: the receive loop, the decoding
/// workers, the runtime's tiered compilation, idle thread-pool workers spinning.
/// </summary>
internal sealed class ThreadTimes
{
    /// <summary>The environment variable that names the file to append to (the children inherit it).</summary>
    public const string Variable = "UPBIT_RX_SIDEBYSIDE_THREADS";

    private readonly Dictionary<int, Sample> _threads;

    private ThreadTimes(Dictionary<int, Sample> threads) => _threads = threads;

    /// <summary>The file to append to, or <see langword="null"/> when the diagnostic is off.</summary>
    public static string? File => Environment.GetEnvironmentVariable(Variable);

    /// <summary>Every thread's figures now.</summary>
    public static ThreadTimes Take()
    {
        var threads = new Dictionary<int, Sample>();
        const string Tasks = "/proc/self/task";
        if (!Directory.Exists(Tasks))
        {
            return new(threads);
        }

        foreach (var directory in Directory.GetDirectories(Tasks))
        {
            try
            {
                // NB: the name sits in parentheses and may hold spaces; utime and stime are the 12th and 13th fields after it.
                var stat = System.IO.File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                long voluntary = 0, involuntary = 0;
                foreach (var line in System.IO.File.ReadLines(Path.Combine(directory, "status")))
                {
                    voluntary = line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) ? Count(line) : voluntary;
                    involuntary = line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal) ? Count(line) : involuntary;
                }

                threads[int.Parse(Path.GetFileName(directory), CultureInfo.InvariantCulture)] = new(stat[(stat.IndexOf('(') + 1)..close], ticks, voluntary, involuntary);
            }
            catch (IOException)
            {
                // NB: the thread ended while it was read.
            }
        }

        return new(threads);
    }

    /// <summary>Each thread that ran since <paramref name="start"/>: name, CPU in ms, voluntary and involuntary switches.</summary>
    public string Since(ThreadTimes start)
    {
        // NB: clock ticks are 10 ms on Linux (USER_HZ 100).
        var parts = from pair in _threads
                    let before = start._threads.TryGetValue(pair.Key, out var b) ? b : new Sample(pair.Value.Name, 0, 0, 0)
                    let ticks = pair.Value.Ticks - before.Ticks
                    let voluntary = pair.Value.Voluntary - before.Voluntary
                    where ticks > 0 || voluntary > 50
                    orderby ticks descending
                    select string.Create(CultureInfo.InvariantCulture, $"{pair.Value.Name}={ticks * 10}ms/v{voluntary}/i{pair.Value.Involuntary - before.Involuntary}");
        return string.Join(" ", parts);
    }

    private static long Count(string line) => long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);

    private readonly record struct Sample(string Name, long Ticks, long Voluntary, long Involuntary);
}
