using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace Upbit.Rx.Benchmarks;

/// <summary>
/// ShortRun in process, with allocations, one baseline per message category; times in ns and sizes in bytes, as
/// docs/benchmarks.md reports them per message. NB: BenchmarkDotNet 0.14 does not know
/// net10.0 as a runtime moniker, so it cannot generate a child project; the in-process toolchain measures the
/// already-built Release assembly instead.
/// </summary>
public sealed class DecoderBenchmarkConfig : ManualConfig
{
    public DecoderBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Nanosecond).WithSizeUnit(SizeUnit.B);
    }
}
