using System.Globalization;
using System.Text;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>The outcome of one seeded run: its figures and every violation found.</summary>
internal sealed record ChaosReport(int Seed, TimeSpan Virtual, TimeSpan Wall, TimeSpan Cpu, ChaosFigures Figures, IReadOnlyList<ChaosViolation> Violations)
{
    public string Summary()
    {
        var text = new StringBuilder();
        var f = Figures;
        text.Append(CultureInfo.InvariantCulture, $"seed {Seed}: {Virtual.TotalHours:0.##} virtual h in {Wall.TotalSeconds:0.0} s wall ({Cpu.TotalSeconds:0.0} s CPU), {f.Cycles} cycles ({f.Checks} checks, {f.Drains} drains), ");
        text.Append(CultureInfo.InvariantCulture, $"{f.Subscribes} subscribes, {f.Disposes} disposes, {f.SnapshotCalls} snapshot calls ({f.SnapshotFailures} failed), {f.PrivateEvents} private events; ");
        text.Append("faults ").Append(string.Join(", ", f.Faults.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        text.Append(CultureInfo.InvariantCulture, $" ({f.Faults.Values.Sum()}); client errors ").Append(string.Join(", ", f.ClientErrors.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        text.Append(CultureInfo.InvariantCulture, $"; violations {Violations.Count}");
        return text.ToString();
    }
}
