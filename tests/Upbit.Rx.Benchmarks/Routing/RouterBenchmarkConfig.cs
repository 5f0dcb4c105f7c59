using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace Upbit.Rx.Benchmarks.Routing;

/// <summary>
/// In process (BenchmarkDotNet 0.14 cannot generate a net10.0 child project), with allocations, one invocation per
/// iteration: each iteration publishes a whole batch into freshly built subscribers, because a router that has seen a
/// batch rightly drops it as duplicates the second time. Times in ns and sizes in bytes, per routed message.
/// </summary>
public sealed class RouterBenchmarkConfig : ManualConfig
{
    public RouterBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByParams);
        SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Nanosecond).WithSizeUnit(SizeUnit.B);
    }
}
