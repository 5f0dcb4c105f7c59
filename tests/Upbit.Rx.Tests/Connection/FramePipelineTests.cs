using NUnit.Framework;
using Upbit.Rx.Connection;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Connection;

public sealed class FramePipelineTests
{
    private static readonly Trade Sample = (Trade)UpbitDecoder.Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ws_trade_default_upbit-docs_krw-btc.json"))).Messages[0];

    [Test]
    public void PipelinedByDefault_SwitchNotSet_FramesAreDecodedInline()
    {
        // NB: parallel decoding is faster on mixed and order-book feeds, but a slow subscriber lets its line grow without
        // bound instead of slowing the socket (docs/benchmarks.md), so it stays opt-in.
        Assert.That(AppContext.TryGetSwitch(FramePipeline.PipelinedSwitch, out _), Is.False, "nothing in this test run sets it");
        Assert.That(FramePipeline.PipelinedByDefault, Is.False);
    }

    [Test]
    public void Post_NoBacklog_DeliversInlineWithoutWorker()
    {
        var workers = new List<Action>();
        var delivered = new List<string>();
        var thread = -1;
        var pipeline = new FramePipeline(f => { delivered.Add(Describe(f)); thread = Environment.CurrentManagedThreadId; }, workers.Add, 2, 8);

        pipeline.Post(Frame(1), backlog: false);

        Assert.That(delivered, Is.EqualTo(new[] { "1" }));
        Assert.That((workers.Count, pipeline.InFlight, thread), Is.EqualTo((0, 0, Environment.CurrentManagedThreadId)));
    }

    [Test]
    public void Post_BacklogAndLaterFramesDecodedFirst_DeliversInArrivalOrder()
    {
        var workers = new List<Action>();
        var delivered = new List<string>();
        var deliveredWhileFirstWaited = -1;

        // NB: the first worker, about to decode frame 1, waits while frames 2 and 3 are decoded first (by the posting
        // thread: nothing is behind frame 3, so it takes every waiting frame; the second worker finds none left).
        var pipeline = WithFirstWorkerHeld(workers, delivered, 2, 8, p =>
        {
            p.Post(Frame(2), backlog: true);
            p.Post(Frame(3), backlog: false);
            workers[1]();
            deliveredWhileFirstWaited = delivered.Count;
        });
        pipeline.Post(Frame(1), backlog: true);

        Assert.That((workers.Count, delivered.Count), Is.EqualTo((1, 0)));
        workers[0]();

        Assert.That((workers.Count, deliveredWhileFirstWaited), Is.EqualTo((2, 0)));
        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    public void Post_FrameWaitingForWorker_PostingThreadDecodesOldestAndOrderHolds()
    {
        var workers = new List<Action>();
        var delivered = new List<string>();
        var pipeline = new FramePipeline(f => delivered.Add(Describe(f)), workers.Add, 1, 8);

        pipeline.Post(Frame(1), backlog: true);
        pipeline.Post(Frame(2), backlog: true);
        pipeline.Post(Frame(3), backlog: true);
        var beforeWorker = delivered.ToList();
        workers[0]();

        Assert.That(workers, Has.Count.EqualTo(1));
        Assert.That(beforeWorker, Is.EqualTo(new[] { "1", "2" }), "the posting thread took the oldest waiting frame each time");
        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3" }));
    }

    [Test]
    public void Post_WorkerNeverStarts_EveryFrameDeliveredOnceTheSocketIsDrained()
    {
        // NB: a starved thread pool never runs the worker; the head of the line must not wait for it.
        var workers = new List<Action>();
        var delivered = new List<string>();
        var pipeline = new FramePipeline(f => delivered.Add(Describe(f)), workers.Add, 1, 8);

        pipeline.Post(Frame(1), backlog: true);
        pipeline.Post(Frame(2), backlog: true);
        pipeline.Post(Frame(3), backlog: true);
        pipeline.Post(Frame(4), backlog: false);

        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3", "4" }));
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    public void Post_NoBacklogBehindFramesInFlight_TakesTheWaitingFramesInOrder()
    {
        var workers = new List<Action>();
        var delivered = new List<string>();
        var pipeline = new FramePipeline(f => delivered.Add(Describe(f)), workers.Add, 1, 8);

        pipeline.Post(Frame(1), backlog: true);
        pipeline.Post(Frame(2), backlog: false);
        var beforeWorker = delivered.Count;
        workers[0]();
        pipeline.Post(Frame(3), backlog: false);

        Assert.That(beforeWorker, Is.EqualTo(2));
        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(workers, Has.Count.EqualTo(1));
    }

    [Test]
    public void Post_MalformedFrameInBacklog_ErrorDeliveredInItsPlace()
    {
        var workers = new List<Action>();
        var delivered = new List<string>();
        var pipeline = new FramePipeline(f => delivered.Add(Describe(f)), workers.Add, 2, 8);

        pipeline.Post(Frame(1), backlog: true);
        pipeline.Post("{\"type\":"u8, backlog: true);
        pipeline.Post(Frame(3), backlog: true);
        workers.ForEach(w => w());

        Assert.That(delivered, Is.EqualTo(new[] { "1", "error", "3" }));
    }

    [Test]
    public void Post_OverMaxInFlight_PostingThreadDecodesAndOrderHolds()
    {
        var workers = new List<Action>();
        var delivered = new List<string>();
        var deliveredWhileHeadDecoded = -1;

        // NB: while the only worker holds frame 1 (the head), the line fills past its limit of 2: frame 3 finds it
        // full and the posting thread decodes frames 2 and 3, then frame 4 itself, none deliverable before frame 1.
        var pipeline = WithFirstWorkerHeld(workers, delivered, 1, 2, p =>
        {
            p.Post(Frame(2), backlog: true);
            p.Post(Frame(3), backlog: true);
            p.Post(Frame(4), backlog: true);
            deliveredWhileHeadDecoded = delivered.Count;
        });

        pipeline.Post(Frame(1), backlog: true);
        workers[0]();

        Assert.That((workers.Count, deliveredWhileHeadDecoded), Is.EqualTo((1, 0)));
        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3", "4" }));
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    public void Stop_MidPipeline_DeliversNothingMoreAndReleasesEveryFrame()
    {
        var workers = new List<Action>();
        var delivered = new List<string>();
        FramePipeline? pipeline = null;
        pipeline = new FramePipeline(f => { delivered.Add(Describe(f)); pipeline!.Stop(); }, workers.Add, 2, 8);

        pipeline.Post(Frame(1), backlog: true);
        pipeline.Post(Frame(2), backlog: true);
        pipeline.Post(Frame(3), backlog: true);
        workers.ForEach(w => w());
        pipeline.Post(Frame(4), backlog: false);

        Assert.That(delivered, Is.EqualTo(new[] { "1" }));
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Post_ManyFramesOnThreadPool_EachDeliveredOnceInOrderNeverTwoAtOnce()
    {
        const int count = 20_000;
        var delivered = new List<long>(count);
        var concurrent = 0;
        var overlaps = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipeline = FramePipeline.OnThreadPool(f =>
        {
            if (Interlocked.Increment(ref concurrent) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            delivered.Add(((Trade)f.Messages[0]).SequentialId);
            Interlocked.Decrement(ref concurrent);
            if (delivered.Count == count)
            {
                done.SetResult();
            }
        }, parallel: true);
        var frames = Enumerable.Range(1, count).Select(i => Frame(i)).ToArray();
        var random = new Random(15);

        for (var i = 0; i < count; i++)
        {
            pipeline.Post(frames[i], backlog: random.Next(4) != 0);
        }

        await done.Task;
        Assert.That(delivered, Is.EqualTo(Enumerable.Range(1, count).Select(i => (long)i)));
        Assert.That(overlaps, Is.EqualTo(0));
    }

    /// <summary>A pipeline on a test worker queue whose first worker, just before it decodes its first frame, runs
    /// <paramref name="meanwhile"/> (once): what other threads do while the head of the line is held.</summary>
    private static FramePipeline WithFirstWorkerHeld(List<Action> workers, List<string> delivered, int workerCount, int maxInFlight, Action<FramePipeline> meanwhile)
    {
        FramePipeline? pipeline = null;
        var held = false;
        pipeline = new FramePipeline(f => delivered.Add(Describe(f)), workers.Add, workerCount, maxInFlight, beforeWorkerDecode: _ =>
        {
            if (!held)
            {
                held = true;
                meanwhile(pipeline!);
            }
        });
        return pipeline;
    }

    private static byte[] Frame(long sequentialId) => FrameEncoder.EncodeUtf8(Sample with { SequentialId = sequentialId }, WireFormat.Default);

    private static string Describe(PipelinedFrame frame) =>
        frame.Error is not null ? "error" : string.Join(",", frame.Messages.Select(m => ((Trade)m).SequentialId));
}
