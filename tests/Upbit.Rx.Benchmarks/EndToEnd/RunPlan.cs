namespace Upbit.Rx.Benchmarks.EndToEnd;

/// <summary>
/// How many frames each phase of a run sends: an unmeasured warm-up, a saturated phase (as fast as the pipeline takes
/// them, at most <see cref="Window"/> frames in flight) for throughput and allocations, and a paced phase (at
/// <see cref="PacedRate"/> frames/s, well below saturation) for latency that is not mostly queueing.
/// </summary>
internal sealed record RunPlan(int Warmup = 20_000, int Measured = 100_000, int Paced = 20_000, int Window = 1_000, int PacedRate = 10_000)
{
    public int Total => Warmup + Measured + Paced;
}
