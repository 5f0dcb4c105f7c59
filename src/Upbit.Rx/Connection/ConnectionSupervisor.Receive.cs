using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Connection;

internal sealed partial class ConnectionSupervisor
{
    private void OnEvent(ReceiveContext context, TransportEvent e)
    {
        switch (e.Kind)
        {
            case TransportEventKind.Opened:
                OnOpened(context, e.Channel!);
                break;
            case TransportEventKind.Frame:
                OnFrame(context, e.Payload, e.HasBacklog);
                break;
            case TransportEventKind.Closed:
                context.FlushPipeline();
                OnDropped(context.Generation, $"closed by the server ({e.CloseStatus}{(string.IsNullOrEmpty(e.CloseReason) ? string.Empty : ": " + e.CloseReason)})", null);
                break;
        }
    }

    /// <summary>
    /// Takes one frame from the transport's thread into the connection's <see cref="FramePipeline"/>: decoded and
    /// routed inline while there is no backlog, decoded in parallel and routed in arrival order while there is.
    /// </summary>
    private void OnFrame(ReceiveContext context, ReadOnlyMemory<byte> payload, bool backlog)
    {
        if (Volatile.Read(ref _generation) != context.Generation)
        {
            context.Pipeline.Stop();
            return;
        }

        _signals.FrameReceived(payload.Length);
        context.Pipeline.Post(payload.Span, backlog);
    }

    /// <summary>
    /// Routes one decoded frame. NB: runs outside the gate, on the transport's thread or a pipeline worker, one frame
    /// at a time and in arrival order (the pipeline's contract), so routing sees the connection's frames serially.
    /// </summary>
    /// <remarks>
    /// Only a frame that decodes counts as a sign of life for the idle watchdog: a connection that delivers nothing
    /// but garbage is as dead as a silent one. Routing happens inside the connection's routing window
    /// (<see cref="ReceiveContext.EnterRouting"/>), which the next connection's opener waits to see closed, so no
    /// frame of a replaced connection is routed once its successor has opened.
    /// </remarks>
    private void OnDecoded(ReceiveContext context, PipelinedFrame frame)
    {
        if (Volatile.Read(ref _generation) != context.Generation)
        {
            context.Pipeline.Stop();
            return;
        }

        if (frame.Error is { } error)
        {
            _signals.Error(new UpbitError(UpbitErrorKind.MalformedFrame, _name, $"skipped a malformed frame of {frame.Length} bytes: {error}"));
            return;
        }

        // NB: the clock is read once per frame, for the idle watchdog and every message's feed.
        var now = _scheduler.Now;
        MarkTraffic(received: true, now);
        ServerError? serverError;
        var outer = context.EnterRouting();
        try
        {
            serverError = Route(context, frame.Messages, now);
        }
        finally
        {
            context.ExitRouting(outer);
        }

        if (serverError is not null)
        {
            OnServerError(context.Generation, serverError);
        }
    }

    /// <summary>Routes the decoded messages of one frame; stops at an error frame and returns it. Inside the routing window.</summary>
    private ServerError? Route(ReceiveContext context, List<UpbitMessage> decoded, DateTimeOffset now)
    {
        foreach (var message in decoded)
        {
            // NB: checked inside the routing window, per message: once the generation moved on, the opener of the
            // next connection may be waiting for this window to close, and nothing more of it may be routed.
            if (Volatile.Read(ref _generation) != context.Generation)
            {
                return null;
            }

            switch (message)
            {
                case ServerError e:
                    return e;
                case ServerStatus or SubscriptionList or UnknownMessage:
                    break;
                default:
                    _confirmed.Confirm(message);
                    Route(message, now);
                    if (Volatile.Read(ref _serverErrorStreak) != 0)
                    {
                        Interlocked.Exchange(ref _serverErrorStreak, 0);
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// Handles an error frame as <see cref="ServerErrorTable"/> says. Every error frame is reported on
    /// <c>Errors</c> (kind <see cref="UpbitErrorKind.ServerError"/>, counted in health). A transient one replaces
    /// the connection at once, with backoff, and the streams go on; a permanent one fails only the streams it
    /// concerns with an <see cref="UpbitException"/>, and the rest of the union reconnects after Upbit's close.
    /// </summary>
    private void OnServerError(long generation, ServerError error)
    {
        var action = ServerErrorTable.Classify(error.Name);
        var exception = new UpbitException(error.Name, error.Message) { IsTransient = action == ServerErrorAction.Reconnect };
        _signals.Error(new UpbitError(UpbitErrorKind.ServerError, _name, exception.Message, exception));
        if (action == ServerErrorAction.Reconnect)
        {
            Interlocked.Increment(ref _serverErrorStreak);
            OnDropped(generation, "server error " + exception.Message, exception, report: false);
            return;
        }

        Func<StreamKey, bool> concerns = _owns;
        if (action == ServerErrorAction.FailNamedType
            && ServerErrorTable.RejectedType(error.Message) is { } type
            && WireNames.TryParseTypeName(type, out var kind, out var interval))
        {
            concerns = key => _owns(key) && key.Kind == kind && (kind != StreamKind.Candle || key.Interval == interval);
        }

        _router.Fail(concerns, exception);
    }

    /// <summary>
    /// What one connection's receive loop owns: its generation, its frame pipeline (decoders and buffers), never
    /// shared with the next connection, and its routing window.
    /// </summary>
    private sealed class ReceiveContext(long generation, Func<ReceiveContext, FramePipeline> pipeline)
    {
        [ThreadStatic]
        private static ReceiveContext? s_routingOnThisThread;

        private int _routing;

        public long Generation { get; } = generation;

        private FramePipeline? _pipeline;

        /// <summary>Decodes this connection's frames and hands them to routing in order; created on first use.</summary>
        public FramePipeline Pipeline => _pipeline ??= pipeline(this);

        /// <summary>Frames of this connection received and not yet routed (or dropped).</summary>
        public int FramesInFlight => Volatile.Read(ref _pipeline)?.InFlight ?? 0;

        /// <summary>
        /// Routes nothing more of this connection and frees its receive loop if it waits for room in the pipeline's
        /// line or flushes it (a slow subscriber on a decoding worker), so a torn-down connection's loop reaches its
        /// socket and ends.
        /// </summary>
        public void StopPipeline() => Volatile.Read(ref _pipeline)?.Stop();

        /// <summary>
        /// Delivers what this connection received before the transport reported its end (frames still being decoded in
        /// parallel), before the end tears the connection down. On the transport's thread, serially with its frames.
        /// </summary>
        public void FlushPipeline() => Volatile.Read(ref _pipeline)?.Flush();

        /// <summary>Whether a frame of this connection is being routed right now.</summary>
        public bool IsRouting => Volatile.Read(ref _routing) != 0;

        /// <summary>Opens the routing window on this thread; returns what to hand to <see cref="ExitRouting"/>.</summary>
        public ReceiveContext? EnterRouting()
        {
            // NB: a full fence before the caller's generation check: either the opener of the next connection sees
            // this window open and waits, or this thread sees the new generation and routes nothing.
            Interlocked.Increment(ref _routing);
            var outer = s_routingOnThisThread;
            s_routingOnThisThread = this;
            return outer;
        }

        public void ExitRouting(ReceiveContext? outer)
        {
            s_routingOnThisThread = outer;
            Interlocked.Decrement(ref _routing);
        }

        /// <summary>
        /// Returns once no frame of this connection is being routed. No lock is held while waiting, and routing runs
        /// subscriber code without any library lock. NB: when the waiting thread is itself inside this window (a
        /// subscriber's handler caused the reconnect synchronously) it does not wait for itself; that frame's loop
        /// stops at its next generation check.
        /// </summary>
        public void AwaitRouted()
        {
            if (ReferenceEquals(s_routingOnThisThread, this))
            {
                return;
            }

            Interlocked.MemoryBarrier();
            var spin = default(SpinWait);
            while (Volatile.Read(ref _routing) != 0)
            {
                spin.SpinOnce();
            }
        }
    }
}
