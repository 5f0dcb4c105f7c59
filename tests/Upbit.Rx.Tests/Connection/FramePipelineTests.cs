using System.Collections.Concurrent;
using NUnit.Framework;
using Upbit.Rx.Connection;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Connection;

public sealed class FramePipelineTests
{
    private static readonly Trade Sample = (Trade)UpbitDecoder.Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ws_trade_default_upbit-docs_krw-btc.json"))).Messages[0];

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
        var (pipeline, workers, delivered) = ManualLine();

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
        var (pipeline, workers, delivered) = ManualLine();

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
        var (pipeline, workers, delivered) = ManualLine();

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
    public void Post_BacklogShorterThanTheStreak_DeliveredInlineThenTheLineStartsOnceTheStreakIsLonger()
    {
        // NB: a paced feed's short bursts must not wake a worker for each burst; a saturated connection's long streak does.
        var (pipeline, workers, delivered) = ManualLine(minBacklogStreak: 2);

        pipeline.Post(Frame(1), backlog: true);
        pipeline.Post(Frame(2), backlog: true);
        var afterShortBurst = (delivered.Count, workers.Count);
        pipeline.Post(Frame(3), backlog: true);
        var afterLongerBurst = (delivered.Count, workers.Count, pipeline.InFlight);
        workers[0]();
        pipeline.Post(Frame(4), backlog: false);
        pipeline.Post(Frame(5), backlog: true);
        var afterReset = (delivered.Count, workers.Count, pipeline.InFlight);

        Assert.That(afterShortBurst, Is.EqualTo((2, 0)), "the first two frames of the run are inline");
        Assert.That(afterLongerBurst, Is.EqualTo((2, 1, 1)), "the third is handed off");
        Assert.That(afterReset, Is.EqualTo((5, 1, 0)), "a frame with nothing behind it resets the streak");
        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
    }

    [Test]
    public void Post_SmallFramesAloneForLong_HandedOffTooUntilALargeFrameComes()
    {
        // NB: a feed of small frames alone may use the worker; once a large frame comes, the worker is for large frames.
        var (pipeline, workers, delivered) = ManualLine(minHandOffBytes: 1024, minHandOffBytesAlone: 100);

        for (var i = 1; i <= FramePipeline.AloneAfter - 1; i++)
        {
            pipeline.Post(Frame(i), backlog: true);
        }

        var beforeAlone = (delivered.Count, workers.Count);
        pipeline.Post(Frame(FramePipeline.AloneAfter), backlog: true);
        var alone = (workers.Count, pipeline.InFlight);
        workers[0]();
        pipeline.Post(LargeFrame(FramePipeline.AloneAfter + 1), backlog: true);
        pipeline.Post(Frame(FramePipeline.AloneAfter + 2), backlog: true);
        var afterLarge = (workers.Count, pipeline.InFlight);
        workers[1]();

        Assert.That(beforeAlone, Is.EqualTo((FramePipeline.AloneAfter - 1, 0)), "inline until the feed has been small frames alone for long enough");
        Assert.That(alone, Is.EqualTo((1, 1)), "then a small frame is handed off");
        Assert.That(afterLarge, Is.EqualTo((2, 2)), "the large frame is handed off; the small one behind it is decoded here and waits");
        Assert.That(delivered, Is.EqualTo(Enumerable.Range(1, FramePipeline.AloneAfter + 2).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    public void Post_SmallFramesWithBacklog_DecodedAndDeliveredInlineWithoutAWorker()
    {
        var (pipeline, workers, delivered) = ManualLine(workers: 2, minHandOffBytes: 4096);

        pipeline.Post(Frame(1), backlog: true);
        pipeline.Post(Frame(2), backlog: true);
        var afterTwo = delivered.Count;
        pipeline.Post(Frame(3), backlog: false);

        Assert.That((afterTwo, workers.Count, pipeline.InFlight), Is.EqualTo((2, 0, 0)));
        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3" }));
    }

    [Test]
    public void Post_SmallFramesBehindALargeOne_DecodedOnThePostingThreadAndDeliveredAfterIt()
    {
        var (pipeline, workers, delivered) = ManualLine(minHandOffBytes: 1024);

        pipeline.Post(LargeFrame(1), backlog: true);
        pipeline.Post(Frame(2), backlog: true);
        pipeline.Post(Frame(3), backlog: true);
        var beforeWorker = delivered.Count;
        var inFlightBeforeWorker = pipeline.InFlight;
        workers[0]();

        Assert.That((beforeWorker, inFlightBeforeWorker, workers.Count), Is.EqualTo((0, 3, 1)), "frames 2 and 3 decoded, waiting behind frame 1");
        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    public void Post_SmallFrameDrainsTheSocket_PostingThreadAlsoTakesTheLargeFramesStillWaiting()
    {
        var (pipeline, workers, delivered) = ManualLine(minHandOffBytes: 1024);

        pipeline.Post(LargeFrame(1), backlog: true);
        pipeline.Post(LargeFrame(2), backlog: true);
        pipeline.Post(Frame(3), backlog: false);

        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3" }), "a worker that never starts holds nothing up");
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    public void Post_MalformedFrameInBacklog_ErrorDeliveredInItsPlace()
    {
        var (pipeline, workers, delivered) = ManualLine(workers: 2);

        pipeline.Post(Frame(1), backlog: true);
        pipeline.Post("{\"type\":"u8, backlog: true);
        pipeline.Post(Frame(3), backlog: true);
        workers.ForEach(w => w());

        Assert.That(delivered, Is.EqualTo(new[] { "1", "error", "3" }));
    }

    [Test]
    [CancelAfter(30_000)]
    public void Post_LineFullWhileAWorkerDecodesTheHead_PostingThreadDecodesTheRestThenWaitsForRoom()
    {
        using var headTaken = new ManualResetEventSlim();
        using var releaseHead = new ManualResetEventSlim();
        var delivered = new ConcurrentQueue<string>();
        var started = 0;
        var atWait = ((int InFlight, int Delivered, int Workers)?)null;
        FramePipeline? pipeline = null;

        // NB: the only worker holds frame 1 (the head) in decoding. Frame 3 finds the line over its limit of 2: the
        // posting thread decodes frames 2 and 3 itself, none deliverable before frame 1, and then waits for room
        // instead of reading on; the head is let go from that wait.
        pipeline = new FramePipeline(
            f => delivered.Enqueue(Describe(f)),
            work => { Interlocked.Increment(ref started); OnNewThread(work); },
            workers: 1,
            maxInFlight: 2,
            beforeWorkerDecode: _ =>
            {
                if (!headTaken.IsSet)
                {
                    headTaken.Set();
                    Assert.That(releaseHead.Wait(TimeSpan.FromSeconds(20)), Is.True, "the posting thread never waited");
                }
            },
            beforeWaitForRoom: () =>
            {
                atWait ??= (pipeline!.InFlight, delivered.Count, Volatile.Read(ref started));
                releaseHead.Set();
            });

        try
        {
            pipeline.Post(Frame(1), backlog: true);
            Assert.That(headTaken.Wait(TimeSpan.FromSeconds(20)), Is.True);
            pipeline.Post(Frame(2), backlog: true);
            pipeline.Post(Frame(3), backlog: true);
            pipeline.Post(Frame(4), backlog: false);
        }
        finally
        {
            releaseHead.Set();
        }

        Assert.That(atWait, Is.EqualTo((3, 0, 1)), "in flight, delivered and workers started when the posting thread waited");
        Assert.That(SpinWait.SpinUntil(() => pipeline.InFlight == 0, TimeSpan.FromSeconds(20)), Is.True);
        Assert.That(delivered, Is.EqualTo(new[] { "1", "2", "3", "4" }));
    }

    [Test]
    [CancelAfter(30_000)]
    public void Post_SlowSubscriberHoldsTheDeliveryOnAWorker_PostingThreadWaitsAndTheLineStaysBounded()
    {
        const int limit = 8;
        const int count = 200;
        using var hold = new WorkerHold();
        using var all = new ManualResetEventSlim();
        var delivered = new ConcurrentQueue<long>();
        var waits = 0;
        var mostInFlightAtAWait = 0;
        var deliveredAtFirstWait = -1;
        FramePipeline? pipeline = null;

        // NB: the review's case: a subscriber that is slow on a worker's thread holds the delivery while the socket
        // keeps giving frames. Unbounded, the posting thread decoded all 200 into the line; bounded, it waits at the
        // limit and goes on once the delivery has caught up.
        pipeline = new FramePipeline(
            f =>
            {
                hold.HoldIfFirstOnAWorker();
                delivered.Enqueue(((Trade)f.Messages[0]).SequentialId);
                if (delivered.Count == count)
                {
                    all.Set();
                }
            },
            OnNewThread,
            workers: 1,
            maxInFlight: limit,
            beforeWaitForRoom: () =>
            {
                if (Interlocked.Increment(ref waits) == 1)
                {
                    deliveredAtFirstWait = delivered.Count;
                }

                mostInFlightAtAWait = Math.Max(mostInFlightAtAWait, pipeline!.InFlight);
                hold.Release();
            });

        try
        {
            pipeline.Post(Frame(1), backlog: true);
            Assert.That(hold.WaitHeld(), Is.True);
            for (var i = 2; i <= count; i++)
            {
                pipeline.Post(Frame(i), backlog: i < count);
            }
        }
        finally
        {
            hold.Release();
        }

        Assert.That(all.Wait(TimeSpan.FromSeconds(20)), Is.True);
        Assert.That((deliveredAtFirstWait, mostInFlightAtAWait), Is.EqualTo((0, limit + 1)));
        Assert.That(waits, Is.GreaterThanOrEqualTo(1));
        Assert.That(delivered, Is.EqualTo(Enumerable.Range(1, count).Select(i => (long)i)));
    }

    [Test]
    [CancelAfter(30_000)]
    public void Stop_PostingThreadWaitingForRoom_PostReturnsAndNothingMoreIsDelivered()
    {
        using var hold = new WorkerHold();
        var delivered = new ConcurrentQueue<string>();
        Thread? stopper = null;
        FramePipeline? pipeline = null;
        pipeline = new FramePipeline(
            f =>
            {
                hold.HoldIfFirstOnAWorker();
                delivered.Enqueue(Describe(f));
            },
            OnNewThread,
            workers: 1,
            maxInFlight: 2,
            beforeWaitForRoom: () =>
            {
                // NB: a connection torn down while its delivery is stuck: Stop alone must free the posting thread.
                stopper ??= new Thread(() => pipeline!.Stop()) { IsBackground = true };
                stopper.Start();
            });

        try
        {
            pipeline.Post(Frame(1), backlog: true);
            Assert.That(hold.WaitHeld(), Is.True);
            pipeline.Post(Frame(2), backlog: true);
            pipeline.Post(Frame(3), backlog: true);
            pipeline.Post(Frame(4), backlog: false);
            Assert.That(stopper, Is.Not.Null, "the posting thread never waited");
        }
        finally
        {
            hold.Release();
        }

        Assert.That(stopper!.Join(TimeSpan.FromSeconds(20)), Is.True);
        Assert.That(SpinWait.SpinUntil(() => pipeline.InFlight == 0, TimeSpan.FromSeconds(20)), Is.True);
        Assert.That(delivered, Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public void Post_DeliveryThrowsOnThePostingThread_ExceptionEscapesAndLaterFramesAreDelivered()
    {
        var workers = new List<Action>();
        var delivered = new List<string>();
        var pipeline = new FramePipeline(f => delivered.Add(Describe(f) == "1" ? throw new InvalidOperationException("routing failed") : Describe(f)), workers.Add, 1, 8);

        pipeline.Post(Frame(1), backlog: true);

        // NB: frame 2 has nothing behind it, so the posting thread takes frame 1 from the worker and delivers it.
        Assert.That(() => pipeline.Post(Frame(2), backlog: false), Throws.InvalidOperationException.With.Message.EqualTo("routing failed"));
        workers[0]();
        pipeline.Post(Frame(3), backlog: false);

        Assert.That(delivered, Is.EqualTo(new[] { "2", "3" }));
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    public void Post_DeliveryThrowsOnThePostingThreadWithOnFault_OnFaultGetsItAndTheFramesBehindAreDelivered()
    {
        var workers = new List<Action>();
        var delivered = new List<string>();
        var faults = new List<Exception>();
        var pipeline = new FramePipeline(f => delivered.Add(Describe(f) is "1" or "3" ? throw new InvalidOperationException("routing failed " + Describe(f)) : Describe(f)), workers.Add, 1, 8, onFault: faults.Add);

        pipeline.Post(Frame(1), backlog: false);
        pipeline.Post(Frame(2), backlog: true);
        pipeline.Post(Frame(3), backlog: true);
        pipeline.Post(Frame(4), backlog: false);

        // NB: frame 1 inline, frame 3 in the line; neither throw escapes Post, and frame 4 behind frame 3 is delivered.
        Assert.That(faults.Select(f => f.Message), Is.EqualTo(new[] { "routing failed 1", "routing failed 3" }));
        Assert.That(delivered, Is.EqualTo(new[] { "2", "4" }));
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    public void Post_DeliveryThrowsOnAWorker_OnFaultGetsItAndLaterFramesAreDelivered()
    {
        var workers = new List<Action>();
        var delivered = new List<string>();
        var faults = new List<Exception>();
        var pipeline = new FramePipeline(f => delivered.Add(Describe(f) == "1" ? throw new InvalidOperationException("routing failed") : Describe(f)), workers.Add, 1, 8, onFault: faults.Add);

        pipeline.Post(Frame(1), backlog: true);
        workers[0]();
        pipeline.Post(Frame(2), backlog: true);
        pipeline.Post(Frame(3), backlog: false);
        workers.Skip(1).ToList().ForEach(w => w());

        Assert.That(faults.Select(f => f.Message), Is.EqualTo(new[] { "routing failed" }));
        Assert.That(delivered, Is.EqualTo(new[] { "2", "3" }));
        Assert.That(pipeline.InFlight, Is.EqualTo(0));
    }

    [Test]
    [CancelAfter(30_000)]
    public void Post_DeliveryThrowsOnAWorkerWhileThePosterWaitsForRoom_FramesFinishedMeanwhileAreDeliveredAndThePosterGoesOn()
    {
        using var hold = new WorkerHold();
        var delivered = new ConcurrentQueue<string>();
        var faults = new ConcurrentQueue<string>();
        FramePipeline? pipeline = null;

        // NB: the worker delivering frame 1 throws only once the posting thread waits for room, with frames 2 and 3
        // finished meanwhile behind it (they found it delivering and left them to it). The throw must not strand them:
        // nobody else would deliver them, and the posting thread would wait for room for good.
        pipeline = new FramePipeline(
            f =>
            {
                if (hold.HoldIfFirstOnAWorker())
                {
                    throw new InvalidOperationException("routing failed");
                }

                delivered.Enqueue(Describe(f));
            },
            OnNewThread,
            workers: 1,
            maxInFlight: 2,
            onFault: ex => faults.Enqueue(ex.Message),
            beforeWaitForRoom: hold.Release);
        var posting = new Thread(() =>
        {
            hold.Poster = Environment.CurrentManagedThreadId;
            pipeline.Post(Frame(1), backlog: true);
            if (hold.WaitHeld())
            {
                pipeline.Post(Frame(2), backlog: true);
                pipeline.Post(Frame(3), backlog: true);
                pipeline.Post(Frame(4), backlog: false);
            }
        })
        { IsBackground = true };

        posting.Start();
        var posted = posting.Join(TimeSpan.FromSeconds(20));
        var inFlight = pipeline.InFlight;
        if (!posted)
        {
            // NB: frees the posting thread of a failed run.
            pipeline.Stop();
        }

        Assert.That(posted, Is.True, $"the posting thread stranded with {inFlight} frames in flight");
        Assert.That(SpinWait.SpinUntil(() => pipeline.InFlight == 0, TimeSpan.FromSeconds(20)), Is.True);
        Assert.That(delivered, Is.EqualTo(new[] { "2", "3", "4" }));
        Assert.That(faults, Is.EqualTo(new[] { "routing failed" }));
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
        }, parallel: true, onFault: ex => done.TrySetException(ex));
        var random = new Random(15);

        // NB: about a third of the frames are over the hand-off size, so workers decode them while the posting thread
        // decodes the small ones behind them.
        var frames = Enumerable.Range(1, count).Select(i => random.Next(3) == 0 ? LargeFrame(i) : Frame(i)).ToArray();

        for (var i = 0; i < count; i++)
        {
            pipeline.Post(frames[i], backlog: random.Next(4) != 0);
        }

        await done.Task;
        Assert.That(delivered, Is.EqualTo(Enumerable.Range(1, count).Select(i => (long)i)));
        Assert.That(overlaps, Is.EqualTo(0));
    }

    [Test]
    [CancelAfter(60_000)]
    public void Post_ManyFramesSlowDeliveriesOnAShortLine_EachDeliveredOnceInOrderAndThePosterNeverStrands()
    {
        const int count = 20_000;
        const int limit = 4;
        var delivered = new long[count];
        var next = 0;
        var mostInFlight = 0;
        FramePipeline? pipeline = null;

        // NB: a line of 4 on the real thread pool, every 16th delivery slow: the posting thread waits for room again
        // and again, so a lost wake-up shows as a poster that never finishes, a lost frame as a count short.
        pipeline = new FramePipeline(
            f =>
            {
                var i = Interlocked.Increment(ref next) - 1;
                delivered[i] = ((Trade)f.Messages[0]).SequentialId;
                if (i % 16 == 0)
                {
                    Thread.SpinWait(2_000);
                }
            },
            PoolWork.Start,
            workers: 1,
            maxInFlight: limit,
            beforeWaitForRoom: () => mostInFlight = Math.Max(mostInFlight, pipeline!.InFlight));
        var frames = Enumerable.Range(1, count).Select(i => Frame(i)).ToArray();
        var random = new Random(16);
        var backlogs = Enumerable.Range(0, count).Select(_ => random.Next(8) != 0).ToArray();
        var posting = new Thread(() => PostAll(pipeline, frames, backlogs)) { IsBackground = true };

        posting.Start();

        Assert.That(posting.Join(TimeSpan.FromSeconds(45)), Is.True, $"the posting thread stranded with {pipeline.InFlight} frames in flight");
        Assert.That(SpinWait.SpinUntil(() => Volatile.Read(ref next) == count, TimeSpan.FromSeconds(10)), Is.True, $"{Volatile.Read(ref next)} of {count} delivered");
        Assert.That(delivered, Is.EqualTo(Enumerable.Range(1, count).Select(i => (long)i)));
        Assert.That(mostInFlight, Is.LessThanOrEqualTo(limit + 1));
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

    private static void PostAll(FramePipeline pipeline, byte[][] frames, bool[] backlogs)
    {
        for (var i = 0; i < frames.Length; i++)
        {
            pipeline.Post(frames[i], backlogs[i]);
        }
    }

    private static void OnNewThread(Action work) => new Thread(() => work()) { IsBackground = true }.Start();

    /// <summary>A line whose workers run only when the test calls them (in the order they were started), and the frames it delivered, described.</summary>
    internal static (FramePipeline Pipeline, List<Action> Workers, List<string> Delivered) ManualLine(int workers = 1, int maxInFlight = 8, int minHandOffBytes = 0, int minHandOffBytesAlone = 0, int minBacklogStreak = 0)
    {
        var started = new List<Action>();
        var delivered = new List<string>();
        var pipeline = new FramePipeline(f => delivered.Add(Describe(f)), started.Add, workers, maxInFlight)
        {
            MinHandOffBytes = minHandOffBytes,
            MinHandOffBytesAlone = minHandOffBytesAlone,
            MinBacklogStreak = minBacklogStreak,
        };
        return (pipeline, started, delivered);
    }

    internal static byte[] Frame(long sequentialId) => FrameEncoder.EncodeUtf8(Sample with { SequentialId = sequentialId }, WireFormat.Default);

    /// <summary>A trade frame over 2 KB (a long code), past the hand-off size of <see cref="FramePipeline.OnThreadPool"/>.</summary>
    private static byte[] LargeFrame(long sequentialId) => FrameEncoder.EncodeUtf8(Sample with { SequentialId = sequentialId, Code = "KRW-" + new string('X', 2_100) }, WireFormat.Default);

    internal static string Describe(PipelinedFrame frame) =>
        frame.Error is not null ? "error" : string.Join(",", frame.Messages.Select(m => ((Trade)m).SequentialId));

    /// <summary>
    /// A subscriber that is slow on a worker: holds the first delivery made on a thread other than the posting one
    /// until <see cref="Release"/> (at most 20 s, failing the test if the posting thread never let it go).
    /// </summary>
    private sealed class WorkerHold : IDisposable
    {
        private readonly ManualResetEventSlim _holding = new();
        private readonly ManualResetEventSlim _release = new();
        private int _poster = Environment.CurrentManagedThreadId;
        private int _held;

        /// <summary>The posting thread's id; the constructing thread's unless set.</summary>
        public int Poster
        {
            get => Volatile.Read(ref _poster);
            set => Volatile.Write(ref _poster, value);
        }

        /// <summary>Holds this delivery if it is the first on a thread other than <see cref="Poster"/>; returns whether it did.</summary>
        public bool HoldIfFirstOnAWorker()
        {
            if (Environment.CurrentManagedThreadId == Poster || Interlocked.Exchange(ref _held, 1) != 0)
            {
                return false;
            }

            _holding.Set();
            Assert.That(_release.Wait(TimeSpan.FromSeconds(20)), Is.True, "the posting thread never waited");
            return true;
        }

        /// <summary>Waits (at most 20 s) until a delivery is held.</summary>
        public bool WaitHeld() => _holding.Wait(TimeSpan.FromSeconds(20));

        public void Release() => _release.Set();

        public void Dispose()
        {
            _holding.Dispose();
            _release.Dispose();
        }
    }
}
