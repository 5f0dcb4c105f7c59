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
/// growing the line; when the transport says nothing is behind a frame, it decodes every frame still waiting. The line
/// is bounded: when more than <c>maxInFlight</c> frames are in flight and none waits to be decoded (a slow subscriber
/// holds the delivery on another thread), the posting thread waits until the delivery has brought the line down to half
/// of that, so a slow subscriber slows the socket down, as it does with inline decoding, and never grows the line.
/// </summary>
/// <remarks>
/// NB: delivery is serialized by a flag, not a lock: the thread that finds another one delivering leaves its finished
/// frame for that one, so no thread ever waits for a delivery (user code) on another thread.
/// </remarks>
internal sealed partial class FramePipeline
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
    private readonly ConcurrentQueue<PipelinedFrame> _toDecode = new();
    private readonly ConcurrentQueue<PipelinedFrame> _spare = new();
    private readonly object _roomGate = new();
    private readonly Action _work;
    private readonly Action<Exception>? _onFault;
    private readonly Action<PipelinedFrame>? _beforeWorkerDecode;
    private readonly Action? _beforeWaitForRoom;

    // NB: the line is a linked list through PipelinedFrame.Next, not a ConcurrentQueue: only the posting thread appends
    // (at the tail) and only the delivering thread takes (at the head), and looking at the head of a ConcurrentQueue
    // stops it reusing its segments (a new one every 32 frames, measured 24 B a message). The head is a stub, the
    // frame delivered last; it goes back to the spares once the next one is taken, when the posting thread is done with it.
    private PipelinedFrame _lineHead;
    private PipelinedFrame _lineTail;
    private int _inFlight;
    private int _workers;
    private int _delivering;
    private int _deliveringThread;
    private int _stopped;
    private int _waitingForRoom;
    private int _backlogStreak;
    private int _postsSinceLarge;
    private bool _inlineOnly;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="deliver">Called with each decoded frame, in arrival order, never twice at once.</param>
    /// <param name="startWorker">Runs a worker loop on another thread (the thread pool in production; a test queue in tests).</param>
    /// <param name="workers">How many worker loops may run at once.</param>
    /// <param name="maxInFlight">How many frames may wait for decoding or delivery before the posting thread decodes.</param>
    /// <param name="onFault">
    /// Called with an exception that <paramref name="deliver"/> threw, on whichever thread delivered, or that decoding
    /// threw on a worker; the delivery then goes on with the next frame. When <see langword="null"/> (tests only) the
    /// exception escapes: from <see cref="Post"/> on the posting thread, from the worker's loop on a worker (on the
    /// thread pool that would end the process), and later frames are delivered by the next call.
    /// </param>
    /// <param name="beforeWorkerDecode">Test seam: runs on a worker just before it decodes a frame.</param>
    /// <param name="beforeWaitForRoom">Test seam: runs on the posting thread when it is about to wait for room in the line, outside any lock (it may still find room and not wait).</param>
    public FramePipeline(Action<PipelinedFrame> deliver, Action<Action> startWorker, int workers, int maxInFlight, Action<Exception>? onFault = null, Action<PipelinedFrame>? beforeWorkerDecode = null, Action? beforeWaitForRoom = null)
    {
        _onFault = onFault;
        _beforeWorkerDecode = beforeWorkerDecode;
        _beforeWaitForRoom = beforeWaitForRoom;
        _lineHead = _lineTail = new PipelinedFrame();
        _deliver = deliver;
        _startWorker = startWorker;
        _maxWorkers = Math.Max(1, workers);
        _maxInFlight = Math.Max(1, maxInFlight);
        _work = Work;
    }

    /// <summary>
    /// A pipeline on the thread pool with one worker per core but one (the posting thread decodes too), at most 64
    /// frames in flight; with <paramref name="parallel"/> false every frame is decoded and delivered inline.
    /// <paramref name="onFault"/> gets what a worker's delivery threw.
    /// </summary>
    public static FramePipeline OnThreadPool(Action<PipelinedFrame> deliver, bool parallel, Action<Exception> onFault) =>
        new(deliver, PoolWork.Start, Math.Max(1, Environment.ProcessorCount - 1), 64, onFault)
        {
            _inlineOnly = !parallel,
            MinHandOffBytes = 2048,
            MinBacklogStreak = 4,
            MinHandOffBytesAlone = 768,
        };

    /// <summary>
    /// Frames shorter than this are decoded on the posting thread, backlog or not (except on a feed of small frames
    /// alone, <see cref="MinHandOffBytesAlone"/>), and only ever wait in the line behind larger frames handed off before
    /// them. NB: handing a frame to a worker costs a copy, a queue and often a thread-pool wake-up; in a feed with order
    /// books the worker is best kept for them (2,994 bytes on the side-by-side benchmark, where handing the 968-byte
    /// tickers of the mix off too lost throughput; docs/benchmarks.md).
    /// </summary>
    /// <value>0 (every frame may be handed off) unless set; 2,048 bytes on <see cref="OnThreadPool"/>.</value>
    public int MinHandOffBytes { get; init; }

    /// <summary>
    /// How many frames in a row must have been posted with a backlog before a frame is handed off while nothing is in
    /// flight. NB: a paced feed arrives in short bursts (Upbit's own traffic, about 3,000 msgs/s, in a few frames at a
    /// time); handing the burst's one large frame to a worker then costs a thread-pool wake-up per burst and gains
    /// nothing (measured: 8% more CPU per message at 3,000 msgs/s), while a saturated connection's streak runs to
    /// thousands. Frames already in flight keep the line going whatever the streak.
    /// </summary>
    /// <value>0 (any backlog may start the line) unless set; 4 on <see cref="OnThreadPool"/>.</value>
    public int MinBacklogStreak { get; init; }

    /// <summary>
    /// On a connection that has carried no frame of <see cref="MinHandOffBytes"/> or more for the last
    /// <see cref="AloneAfter"/> frames, frames of at least this size may be handed off too. NB: a feed of tickers alone
    /// (968 bytes each on the side-by-side benchmark) gains from decoding on a second core once the worker is kept busy
    /// (medians of 0.97–1.38 of raw socket + decode over four runs, against 0.91–0.96 inline), but it pays 5–36% more CPU
    /// per message for it (cache lines crossing cores; the rounds fall near 8 or near 10 µs a message); with order books
    /// in the feed the worker is theirs, and handing it the tickers as well lost throughput (1.08 of raw + decode on the
    /// mix against 1.23). docs/benchmarks.md, fourth and fifth sessions.
    /// </summary>
    /// <value>0 (off) unless set; 768 bytes on <see cref="OnThreadPool"/> (above a 456-byte trade, below a ticker).</value>
    public int MinHandOffBytesAlone { get; init; }

    /// <summary>How many frames in a row under <see cref="MinHandOffBytes"/> make a connection's feed one of small frames alone.</summary>
    public const int AloneAfter = 64;

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

        var large = payload.Length >= MinHandOffBytes;
        _postsSinceLarge = large ? 0 : Math.Min(_postsSinceLarge + 1, AloneAfter);
        var small = !large && (MinHandOffBytesAlone == 0 || payload.Length < MinHandOffBytesAlone || _postsSinceLarge < AloneAfter);
        _backlogStreak = backlog ? Math.Min(_backlogStreak + 1, int.MaxValue - 1) : 0;
        if ((!backlog || _inlineOnly || small || _backlogStreak <= MinBacklogStreak) && Volatile.Read(ref _inFlight) == 0)
        {
            // NB: nothing ahead of this frame is undelivered, so delivering here keeps the order and costs no hand-off.
            _inline.DecodeNow(_postingDecoder, payload);
            try
            {
                _deliver(_inline);
            }
            catch (Exception ex) when (_onFault is not null)
            {
                _onFault(ex);
            }
            finally
            {
                _inline.Reset();
            }

            return;
        }

        var frame = _spare.TryDequeue(out var spare) ? spare : new PipelinedFrame();
        var inFlight = Interlocked.Increment(ref _inFlight);
        Append(frame);

        // NB: with the line full or nothing behind this frame (the socket is drained), the posting thread has nothing
        // better to do than decode every frame still waiting, oldest first.
        var drain = inFlight > _maxInFlight || !backlog;
        var waited = !_toDecode.IsEmpty;
        if (small || (drain && !waited))
        {
            // NB: decoded here, it needs no copy: a small frame always (handing it off costs about what decoding it
            // does), any frame when no older one waits to be taken.
            frame.DecodeNow(_postingDecoder, payload);
            DeliverFinished();
        }
        else
        {
            frame.Hold(payload);
            _toDecode.Enqueue(frame);
        }

        // NB: when a frame already waited for a worker, the posting thread takes the oldest waiting frame, never a
        // newer one, so the head of the line is decoded by a running thread and delivery never waits for a worker the
        // thread pool has not started (a busy or starved pool): one, unless it must drain. A small frame was its share.
        while ((drain || (waited && !small)) && _toDecode.TryDequeue(out var oldest))
        {
            oldest.DecodeHeld(_postingDecoder, skip: Volatile.Read(ref _stopped) != 0);
            DeliverFinished();
            waited = false;
        }

        if (!_toDecode.IsEmpty)
        {
            StartWorker();
        }

        if (Volatile.Read(ref _inFlight) > _maxInFlight)
        {
            WaitForRoom();
        }
    }

    /// <summary>
    /// Delivers nothing more, except a delivery that had already passed its check on another thread (at most one):
    /// frames in flight are released undecoded as workers reach them. The owner must not rely on it alone to keep a
    /// frame out (the supervisor checks its generation in the delivery as well).
    /// </summary>
    public void Stop()
    {
        Interlocked.Exchange(ref _stopped, 1);
        lock (_roomGate)
        {
            Monitor.PulseAll(_roomGate);
        }

        DeliverFinished();
    }
}
