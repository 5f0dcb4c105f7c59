using System.Collections.Concurrent;
using NUnit.Framework;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>
/// The seeded fault-injection suite: random churn of every stream kind (and depth, level, interval, private streams,
/// snapshot calls) against <c>FakeUpbitExchange</c> in virtual time, with drops, stalls, refused upgrades, error frames
/// of both classes, malformed, garbage and oversized frames, and slow delivery. One run per seed, shared by that seed's
/// invariant tests; a failure prints the seed, the virtual time and the events before it.
/// </summary>
public sealed class ChaosTests
{
    private static readonly ConcurrentDictionary<int, Lazy<ChaosReport>> Runs = new();

    private static IEnumerable<TestCaseData> Cases() =>
        from seed in ChaosSettings.Seeds
        from invariant in Enum.GetValues<ChaosInvariant>()
        select new TestCaseData(seed, invariant).SetName($"ChaosRun_Seed{seed}_{invariant}Holds");

    [TestCaseSource(nameof(Cases))]
    public void ChaosRun_SeededChurnAndFaults_InvariantHolds(int seed, ChaosInvariant invariant)
    {
        var report = ReportOf(seed);
        TestContext.Out.WriteLine(report.Summary());
        var violations = report.Violations.Where(v => v.Invariant == invariant).ToList();
        var shown = string.Join(Environment.NewLine, violations.Take(3));
        if (violations.Count > 0 && KnownDefects.GateOf(invariant) is { } defect)
        {
            Assert.Ignore($"Known defect, fix not merged yet: {defect}. {violations.Count} violation(s); first:{Environment.NewLine}{shown}");
        }

        Assert.That(violations, Is.Empty, $"{violations.Count} violation(s) of {invariant}; first:{Environment.NewLine}{shown}");
    }

    [Test]
    public void ChaosRun_AllSeeds_CoverAtLeast24VirtualHours()
    {
        var reports = ChaosSettings.Seeds.Select(ReportOf).ToList();
        foreach (var report in reports)
        {
            TestContext.Out.WriteLine(report.Summary());
        }

        var hours = reports.Sum(r => r.Virtual.TotalHours);
        var faults = reports.Sum(r => r.Figures.Faults.Values.Sum());
        var byKind = Enum.GetValues<FaultKind>().Select(k => $"{k} {reports.Sum(r => r.Figures.Faults.GetValueOrDefault(k))}");
        TestContext.Out.WriteLine($"faults by kind: {string.Join(", ", byKind)}");
        TestContext.Out.WriteLine($"churn: {reports.Sum(r => r.Figures.Subscribes)} subscribes, {reports.Sum(r => r.Figures.Disposes)} disposes, {reports.Sum(r => r.Figures.SnapshotCalls)} snapshot calls, {reports.Sum(r => r.Figures.PrivateEvents)} private events, {reports.Sum(r => r.Figures.Checks)} checks, {reports.Sum(r => r.Figures.Drains)} drains");
        TestContext.Out.WriteLine($"total: {hours:0.#} virtual h, {faults} faults, {reports.Sum(r => r.Wall.TotalSeconds):0.0} s wall ({reports.Sum(r => r.Cpu.TotalSeconds):0.0} s CPU) over {reports.Count} seeds");
        Assert.That(hours, Is.GreaterThanOrEqualTo(24));
        Assert.That(Enum.GetValues<FaultKind>().Where(k => reports.Sum(r => r.Figures.Faults.GetValueOrDefault(k)) == 0), Is.Empty, "every fault kind injected");
    }

    private static ChaosReport ReportOf(int seed) =>
        Runs.GetOrAdd(seed, s => new Lazy<ChaosReport>(() => ChaosRun.Run(s, ChaosSettings.HoursPerSeed))).Value;
}
