using System.Globalization;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// How many messages each phase of a run has: an unmeasured saturated warm-up, a measured saturated phase (throughput,
/// CPU and allocation per message) and a paced phase at <see cref="Rate"/> messages/s (latency; memory at its end).
/// </summary>
internal sealed record ClientPlan(int Warmup, int Measured, int Paced, int Rate, int Window)
{
    public long Total => (long)Warmup + Measured + Paced;

    public string[] ToArgs() => [.. new[] { Warmup, Measured, Paced, Rate, Window }.Select(n => n.ToString(CultureInfo.InvariantCulture))];

    public static ClientPlan Parse(ReadOnlySpan<string> args) => new(
        int.Parse(args[0], CultureInfo.InvariantCulture),
        int.Parse(args[1], CultureInfo.InvariantCulture),
        int.Parse(args[2], CultureInfo.InvariantCulture),
        int.Parse(args[3], CultureInfo.InvariantCulture),
        int.Parse(args[4], CultureInfo.InvariantCulture));
}
