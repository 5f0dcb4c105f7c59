using System.Collections.Concurrent;
using Upbit.Rx.Protocol;

namespace Upbit.Rx.Connection;

/// <summary>
/// Decodes one connection's frames and delivers them strictly in the order they arrived, one at a time. With no
/// backlog a frame is decoded and delivered inline, on the posting thread, with no copy and no hand-off. Once the
/// transport reports more frames waiting behind the current one (or frames are still in flight), frames are copied into
/// a line and decoded in parallel by the posting thread and up to <c>workers</c> thread-pool workers, each taking the
/// oldest frame not yet taken, and whichever thread finishes the oldest frame delivers every finished frame at the
/// head of the line. When a frame already waits for a worker, or <c>maxInFlight</c> frames are in flight, the posting
/// thread decodes the oldest waiting frame before it reads the socket again, which slows the reads down instead of
/// growing the line; when the transport says nothing is behind a frame, it decodes every frame still waiting.
/// </summary>
/// <remarks>
/// NB: delivery is serialized by a flag, not a lock: the thread that finds another one delivering leaves its finished
/// frame for that one, so no thread ever waits for a delivery (user code) on another thread.
/// </remarks>
internal sealed class FramePipeline
{
    private const int IdleSpins = 20;

    [ThreadStatic]
    private static FrameDecoder? t_decoder;

    private readonly Action<PipelinedFrame> _deliver;
    private readonly Action<Action> _startWorker;
    private readonly int _maxWorkers;
    private readonly int _maxInFlight;
    private readonly FrameDecoder _postingDecoder = new();
    private readonly PipelinedFrame _inline = new();
    private readonly ConcurrentQueue<PipelinedFrame> _line = new();
    private readonly ConcurrentQueue<PipelinedFrame> _toDecode = new();
    private readonly ConcurrentQueue<PipelinedFrame> _spare = new();
    private readonly Action _work;
    private readonly Action<PipelinedFrame>? _beforeWorkerDecode;
    private int _inFlight;
    private int _workers;
    private int _delivering;
    private int _stopped;
    private bool _inlineOnly;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="deliver">Called with each decoded frame, in arrival order, never twice at once.</param>
    /// <param name="startWorker">Runs a worker loop on another thread (the thread pool in production; a test queue in tests).</param>
    /// <param name="workers">How many worker loops may run at once.</param>
    /// <param name="maxInFlight">How many frames may wait for decoding or delivery before the posting thread decodes.</param>
    /// <param name="beforeWorkerDecode">Test seam: runs on a worker just before it decodes a frame.</param>
    public FramePipeline(Action<PipelinedFrame> deliver, Action<Action> startWorker, int workers, int maxInFlight, Action<PipelinedFrame>? beforeWorkerDecode = null)
    {
        _beforeWorkerDecode = beforeWorkerDecode;
        _deliver = deliver;
        _startWorker = startWorker;
        _maxWorkers = Math.Max(1, workers);
        _maxInFlight = Math.Max(1, maxInFlight);
        _work = Work;
    }

    /// <summary>
    /// The <see cref="AppContext"/> switch that turns parallel decoding on (off unless set to true). NB: on the
    /// side-by-side benchmark (5 rounds, load 1-3) it made the 200 x 3 mix 1.04x and 0.92x raw socket + decode against
    /// 0.89x and 0.87x inline, and order books 1.44x and 1.49x against 0.96x and 0.88x, with no worse p99; but a slow
    /// subscriber then holds the delivery on one thread while the receive loop keeps reading, so the line of decoded
    /// frames grows with no bound instead of slowing the socket down (a review found it: 2,160 frames in flight against
    /// a limit of 64). Until the line is bounded the default stays inline, where a slow subscriber slows the reads.
    /// </summary>
    public const string PipelinedSwitch = "Upbit.Rx.PipelinedDecode";

    /// <summary>Whether the process opted in to parallel decoding (<see cref="PipelinedSwitch"/>).</summary>
    public static bool PipelinedByDefault => AppContext.TryGetSwitch(PipelinedSwitch, out var on) && on;

    /// <summary>
    /// A pipeline on the thread pool with one worker per core but one (the posting thread decodes too), at most 64
    /// frames in flight; with <paramref name="parallel"/> false every frame is decoded and delivered inline.
    /// </summary>
    public static FramePipeline OnThreadPool(Action<PipelinedFrame> deliver, bool parallel) =>
        new(deliver, PoolWork.Start, Math.Max(1, Environment.ProcessorCount - 1), 64)
        {
            _inlineOnly = !parallel,
        };

    /// <summary>Frames posted and not yet delivered (or dropped after <see cref="Stop"/>).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// Takes one frame from the transport. <paramref name="payload"/> is only read during the call. Must be called
    /// serially (the transport's receive loop).
    /// </summary>
    /// <param name="payload">The frame's bytes.</param>
    /// <param name="backlog">Whether the transport already holds more frames behind this one.</param>
    public void Post(ReadOnlySpan<byte> payload, bool backlog)
    {
        if (Volatile.Read(ref _stopped) != 0)
        {
            return;
        }

        if ((!backlog || _inlineOnly) && Volatile.Read(ref _inFlight) == 0)
        {
            // NB: nothing ahead of this frame is undelivered, so delivering here keeps the order and costs no hand-off.
            _inline.DecodeNow(_postingDecoder, payload);
            try
            {
                _deliver(_inline);
            }
            finally
            {
                _inline.Reset();
            }

            return;
        }

        var frame = _spare.TryDequeue(out var spare) ? spare : new PipelinedFrame();
        var inFlight = Interlocked.Increment(ref _inFlight);
        _line.Enqueue(frame);
        var decodeHere = inFlight > _maxInFlight || !backlog;
        if (_toDecode.IsEmpty)
        {
            if (decodeHere)
            {
                // NB: no frame waits to be taken, so this one is the oldest: decoded here, it needs no copy.
                frame.DecodeNow(_postingDecoder, payload);
                DeliverFinished();
                return;
            }

            frame.Hold(payload);
            _toDecode.Enqueue(frame);
            StartWorker();
            return;
        }

        frame.Hold(payload);
        _toDecode.Enqueue(frame);

        // NB: a frame already waits for a worker. The posting thread takes the oldest waiting frame, never a newer
        // one, so the head of the line is decoded by a running thread and delivery never waits for a worker the
        // thread pool has not started (a busy or starved pool). It takes one and goes back to the socket; with nothing
        // behind this frame (the socket is drained) it takes every frame still waiting, having nothing else to do.
        while (_toDecode.TryDequeue(out var oldest))
        {
            oldest.DecodeHeld(_postingDecoder, skip: Volatile.Read(ref _stopped) != 0);
            DeliverFinished();
            if (!decodeHere)
            {
                break;
            }
        }

        if (!_toDecode.IsEmpty)
        {
            StartWorker();
        }
    }

    /// <summary>Delivers nothing more: frames in flight are released undecoded as workers reach them.</summary>
    public void Stop()
    {
        Volatile.Write(ref _stopped, 1);
        DeliverFinished();
    }

    private void StartWorker()
    {
        while (true)
        {
            var running = Volatile.Read(ref _workers);
            if (running >= _maxWorkers)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _workers, running + 1, running) == running)
            {
                _startWorker(_work);
                return;
            }
        }
    }

    private void Work()
    {
        var decoder = t_decoder ??= new FrameDecoder();
        while (true)
        {
            while (_toDecode.TryDequeue(out var frame))
            {
                _beforeWorkerDecode?.Invoke(frame);
                frame.DecodeHeld(decoder, skip: Volatile.Read(ref _stopped) != 0);
                DeliverFinished();
            }

            // NB: a short spin before leaving: at a high rate the next frame is usually microseconds away, and a
            // worker that leaves has to be woken again through the thread pool.
            var spin = default(SpinWait);
            while (_toDecode.IsEmpty && spin.Count < IdleSpins)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            if (!_toDecode.IsEmpty)
            {
                continue;
            }

            Interlocked.Decrement(ref _workers);

            // NB: a frame queued between the empty check and the decrement found this worker still counted and
            // started none; take it up again unless another worker already did.
            if (_toDecode.IsEmpty)
            {
                return;
            }

            var running = Volatile.Read(ref _workers);
            if (running >= _maxWorkers || Interlocked.CompareExchange(ref _workers, running + 1, running) != running)
            {
                return;
            }
        }
    }

    /// <summary>Delivers the finished frames at the head of the line, unless another thread is delivering already.</summary>
    private void DeliverFinished()
    {
        while (Interlocked.CompareExchange(ref _delivering, 1, 0) == 0)
        {
            while (_line.TryPeek(out var head) && head.IsDone)
            {
                _line.TryDequeue(out _);
                try
                {
                    if (Volatile.Read(ref _stopped) == 0)
                    {
                        _deliver(head);
                    }
                }
                finally
                {
                    head.Reset();
                    _spare.Enqueue(head);
                    Interlocked.Decrement(ref _inFlight);
                }
            }

            // NB: a full fence, not a release store: the look below must not move ahead of clearing the flag (x86
            // reorders a store with a later load), or this thread and one finishing the next frame could each see the
            // other still at work, and that frame would be stranded (seen as a stalled feed in the benchmark).
            Interlocked.Exchange(ref _delivering, 0);

            // NB: a frame that finished after the last peek but before the flag was cleared found the flag set and
            // left; look once more so it is not stranded.
            if (!(_line.TryPeek(out var next) && next.IsDone))
            {
                return;
            }
        }
    }
}
