using System.Collections.Concurrent;
using NUnit.Framework;
using Upbit.Rx.Connection;
using static Upbit.Rx.Tests.Connection.FramePipelineTests;

namespace Upbit.Rx.Tests.Connection;

/// <summary>
/// <see cref="FramePipeline.Flush"/>: when the transport reports a connection's end, what arrived before it is
/// delivered, not dropped with frames still being decoded in parallel.
/// </summary>
public sealed class FramePipelineFlushTests
{
    [Test]
    public void Flush_FrameLeftForAWorkerThatNeverRan_PostingThreadDeliversItBeforeReturning()
    {
        var (pipeline, workers, delivered) = ManualLine();
        pipeline.Post(Frame(1), backlog: true);
        pipeline.Post(Frame(2), backlog: true);
        pipeline.Post(Frame(3), backlog: true);
        Assert.That((delivered.Count, pipeline.InFlight), Is.EqualTo((2, 1)), "the last frame waits for a worker");

        pipeline.Flush();

        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    [CancelAfter(30_000)]
    public void Flush_FrameHeldByAWorker_WaitsUntilTheWorkerDeliveredIt()
    {
        // NB: Flush finds nothing left to decode, so it lets the worker go (the seam) and must wait for its delivery.
        using var held = new HeldWorker(held => held.Release());

        held.Pipeline.Flush();

        Assert.That(held.Delivered, Is.EqualTo(new[] { "1" }));
        Assert.That(held.Pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    [CancelAfter(30_000)]
    public void Flush_WorkerStuckAndPipelineStopped_ReturnsWithoutDelivering()
    {
        // NB: a connection torn down meanwhile (a subscriber stuck for good on a worker, or the client disposed): Flush
        // must not wait for a delivery that will never come.
        using var held = new HeldWorker(held => new Thread(() => held.Pipeline.Stop()) { IsBackground = true }.Start());

        held.Pipeline.Flush();
        held.Release();

        Assert.That(held.Delivered, Is.Empty);
    }

    [Test]
    public void Flush_FromInsideADeliveryOnTheSameThread_ReturnsInsteadOfWaitingForItself()
    {
        // NB: a transport that reports the connection's end from inside a subscriber's call, while frames are in the
        // line: the flush would wait for its own delivery for good. Run on a thread of its own, so a hang fails the test.
        var workers = new List<Action>();
        var delivered = new List<string>();
        FramePipeline? pipeline = null;
        pipeline = new FramePipeline(
            f =>
            {
                delivered.Add(Describe(f));
                if (delivered.Count == 1)
                {
                    pipeline!.Flush();
                }
            },
            workers.Add,
            1,
            8);
        var posting = new Thread(() =>
        {
            pipeline.Post(Frame(1), backlog: true);
            pipeline.Post(Frame(2), backlog: true);
        })
        { IsBackground = true };

        posting.Start();

        Assert.That(posting.Join(TimeSpan.FromSeconds(20)), Is.True, "the flush waited for its own delivery");
        Assert.That(delivered, Does.Contain("1"));
    }

    [Test]
    public void Flush_NothingInFlight_ReturnsAtOnce()
    {
        var (pipeline, workers, delivered) = ManualLine();
        pipeline.Post(Frame(1), backlog: false);

        pipeline.Flush();

        Assert.That((delivered.Count, workers.Count), Is.EqualTo((1, 0)));
    }

    /// <summary>
    /// A pipeline with frame 1 posted and taken by a worker (on a thread of its own) that waits, just before decoding
    /// it, until <see cref="Release"/>; <c>onWait</c> runs when the posting thread is about to wait in the pipeline.
    /// </summary>
    private sealed class HeldWorker : IDisposable
    {
        private readonly ManualResetEventSlim _decoding = new();
        private readonly ManualResetEventSlim _release = new();

        public HeldWorker(Action<HeldWorker> onWait)
        {
            Pipeline = new FramePipeline(
                f => Delivered.Enqueue(Describe(f)),
                work => new Thread(() => work()) { IsBackground = true }.Start(),
                workers: 1,
                maxInFlight: 8,
                beforeWorkerDecode: _ =>
                {
                    _decoding.Set();
                    _release.Wait(TimeSpan.FromSeconds(20));
                },
                beforeWaitForRoom: () => onWait(this));
            Pipeline.Post(Frame(1), backlog: true);
            Assert.That(_decoding.Wait(TimeSpan.FromSeconds(20)), Is.True, "the worker took the frame");
        }

        public FramePipeline Pipeline { get; }

        public ConcurrentQueue<string> Delivered { get; } = new();

        public void Release() => _release.Set();

        /// <summary>Lets the worker go. NB: the events are not disposed: the worker may still be waking from them.</summary>
        public void Dispose() => _release.Set();
    }
}
