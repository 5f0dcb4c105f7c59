using System.Diagnostics;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// Counts one client's delivered messages, publishes the count to the server, takes the process's CPU time and
/// allocation count where the measured phase starts and ends, and records each paced message's latency (the
/// stamp the server wrote into the frame, to the callback).
/// </summary>
/// <remarks>NB: every client delivers from one thread at a time (a receive loop or the client's serial delivery; the
/// client with several receive loops goes through <see cref="DeliverShared"/>), so the counter needs no interlock; the
/// final count is published with a fence through <see cref="Done"/>.</remarks>
internal sealed class ClientProbe(ClientPlan plan, ProgressFile progress)
{
    private readonly long[] _latencies = new long[plan.Paced];
    private readonly int[]? _pacedGen0 = LatencySeries.Directory is null ? null : new int[plan.Paced];
    private readonly long[]? _pacedStamps = LatencySeries.Directory is null ? null : new long[plan.Paced];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _shared = new();
    private readonly SegmentTimeline? _segments = SegmentTimeline.For(plan.Measured);
    private static readonly bool CountSwitches = ThreadTimes.File is not null;
    private long _delivered;
    private int _lastThread;
    private long _switches;
    private long _switchesAtStart;
    private ThreadTimes? _threads;
    private (int Gen0, TimeSpan Pause) _pacedGc;

    public ClientPlan Plan => plan;

    /// <summary>What the diagnostic lines name the run by (the client's kind and feed).</summary>
    public string Label { get; init; } = string.Empty;

    public Task Done => _done.Task;

    /// <summary>Messages delivered so far (read from another thread by the stall watchdog).</summary>
    public long Delivered => Volatile.Read(ref _delivered);

    public Snapshot Start { get; private set; }

    public Snapshot End { get; private set; }

    /// <summary>One message reached its (first) subscriber; <paramref name="stamp"/> is the server's send stamp.</summary>
    public void Deliver(long stamp)
    {
        var n = ++_delivered;
        var now = Stopwatch.GetTimestamp();
        if (CountSwitches && Environment.CurrentManagedThreadId is var thread && thread != _lastThread)
        {
            // NB: diagnostic only: how often the delivery moved to another thread (and so, likely, to the other core).
            _lastThread = thread;
            _switches++;
        }
        if (n > plan.Warmup + plan.Measured)
        {
            var paced = n - plan.Warmup - plan.Measured - 1;
            if (paced < _latencies.Length)
            {
                _latencies[paced] = now - stamp;
                if (_pacedGen0 is not null)
                {
                    _pacedGen0[paced] = GC.CollectionCount(0);
                    _pacedStamps![paced] = stamp;
                }
            }

            MemoryTimeline.MaybeSample(Label, paced, plan.Rate);
        }

        if (_segments is not null && n >= plan.Warmup && n <= plan.Warmup + plan.Measured)
        {
            _segments.MaybeMark(n - plan.Warmup);
        }

        // NB: a run without a saturated phase (a memory run) measures CPU and allocation over the paced phase instead.
        if (n == (plan.Measured > 0 ? plan.Warmup : 1))
        {
            _threads = ThreadTimes.File is null ? null : ThreadTimes.Take();
            _switchesAtStart = _switches;
            Start = Snapshot.Take();
        }

        if (n == (plan.Measured > 0 ? plan.Warmup + plan.Measured : plan.Total))
        {
            End = Snapshot.Take();
            _segments?.Write(Label);
            if (ThreadTimes.File is { } file && _threads is not null)
            {
                File.AppendAllText(file, $"{Label} {(End.Cpu - Start.Cpu).TotalMilliseconds:0} ms CPU over the measured phase, delivery moved thread {_switches - _switchesAtStart} times: {ThreadTimes.Take().Since(_threads)}\n");
            }
        }

        progress.Write(n);
        if (plan.Measured > 0 && n == plan.Warmup + plan.Measured + 1 && ThreadTimes.File is not null)
        {
            _pacedGc = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
        }

        if (n == plan.Total)
        {
            if (ThreadTimes.File is { } pacedFile && plan.Measured > 0)
            {
                // NB: how much of the paced phase's tail the collector can explain: its collections and their pauses.
                File.AppendAllText(pacedFile, $"{Label} paced phase: {GC.CollectionCount(0) - _pacedGc.Gen0} gen0 collections, {(GC.GetTotalPauseDuration() - _pacedGc.Pause).TotalMilliseconds:0.0} ms paused\n");
            }

            if (_pacedGen0 is not null)
            {
                LatencySeries.Write(Label, _pacedStamps!, _latencies, _pacedGen0);
            }

            _done.TrySetResult();
        }
    }

    /// <summary><see cref="Deliver"/> for a client with several receive loops, one at a time.</summary>
    public void DeliverShared(long stamp)
    {
        lock (_shared)
        {
            Deliver(stamp);
        }
    }

    /// <summary>The 50th, 99th and 99.9th percentile and the largest paced latency, in microseconds.</summary>
    public double[] Percentiles()
    {
        var sorted = _latencies.Order().ToArray();
        return sorted.Length == 0 ? [0, 0, 0, 0] : [.. new[] { 0.50, 0.99, 0.999, 1.0 }.Select(q => Stopwatch.GetElapsedTime(0, sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * q))]).TotalMicroseconds)];
    }

    /// <summary>Wall clock, process CPU time, bytes allocated, collections and thread-pool work items at one instant.</summary>
    internal readonly record struct Snapshot(long Stamp, TimeSpan Cpu, long Allocated, int Gen0, int Gen2, long PoolItems)
    {
        public static Snapshot Take()
        {
            using var process = Process.GetCurrentProcess();
            return new(Stopwatch.GetTimestamp(), process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(2), ThreadPool.CompletedWorkItemCount);
        }
    }
}
