using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace Upbit.Rx.Benchmarks;

/// <summary>
/// A short job (ShortRun with 15 iterations) in process, with allocations, one baseline per message category; times in ns and sizes in bytes, as
/// docs/benchmarks.md reports them per message. NB: BenchmarkDotNet 0.14 does not know
/// net10.0 as a runtime moniker, so it cannot generate a child project; the in-process toolchain measures the
/// already-built Release assembly instead.
/// </summary>
public sealed class DecoderBenchmarkConfig : ManualConfig
{
    public DecoderBenchmarkConfig()
    {
        // NB: 15 measured iterations rather than ShortRun's 3: the build machine is shared, and with 3 one busy
        // neighbour decides the mean; BenchmarkDotNet drops outliers only when it has enough iterations.
        AddJob(Job.ShortRun.WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Nanosecond).WithSizeUnit(SizeUnit.B);
    }
}
