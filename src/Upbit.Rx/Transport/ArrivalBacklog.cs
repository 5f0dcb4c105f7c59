using System.Diagnostics;

namespace Upbit.Rx.Transport;

/// <summary>
/// For a transport whose socket says nothing of what waits behind a frame (Websocket.Client hands each message out
/// from its own receive loop): guesses <see cref="TransportEvent.HasBacklog"/> from timing. A frame that arrives
/// within <see cref="Gap"/> of the previous one being handed out was already waiting when the receive loop asked for
/// it, so the socket is behind and the next frame is most likely waiting too.
/// </summary>
/// <remarks>
/// NB: a guess costs nothing in correctness: the client keeps the order and every frame whatever the flag says; a wrong
/// "yes" costs a hand-off to a decoding worker, a wrong "no" decodes a frame inline. It says that this frame was
/// waiting, not that another waits behind it, so the last frame of a burst is a "yes" too: the receive loop goes back
/// to the socket and leaves what is still waiting to a thread-pool worker, where the built-in transport's "no" would
/// have it decoded first (a pool wake-up later, longer on a starved pool). It is a performance hint read from
/// <see cref="Stopwatch"/>, not time the client acts on, so it does not come from the client's scheduler. Called from
/// one receive loop at a time (no locking).
/// </remarks>
internal sealed class ArrivalBacklog(Func<long> clock, long gapTicks)
{
    /// <summary>
    /// The default gap, 20 µs. NB: a receive that has to wait for the network is woken through the socket engine and
    /// the thread pool, which takes longer than that; a receive of a frame already buffered returns at once.
    /// </summary>
    public static readonly TimeSpan Gap = TimeSpan.FromMicroseconds(20);

    private long _handedOutAt;
    private bool _handedOut;

    /// <summary>A guess on the <see cref="Stopwatch"/> with the default <see cref="Gap"/>.</summary>
    public ArrivalBacklog()
        : this(Stopwatch.GetTimestamp, (long)(Gap.TotalSeconds * Stopwatch.Frequency))
    {
    }

    /// <summary>A frame arrived: whether it came within the gap of the previous frame's hand-out.</summary>
    public bool Arrived() => _handedOut && clock() - _handedOutAt < gapTicks;

    /// <summary>The frame that last <see cref="Arrived"/> has been handed out (its observer call returned).</summary>
    public void HandedOut()
    {
        _handedOutAt = clock();
        _handedOut = true;
    }
}
