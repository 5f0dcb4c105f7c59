using System.Reactive.Concurrency;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>Fault injection and scripting: raw frames, abrupt drops, stalls, error frames and slow delivery.</summary>
internal sealed partial class ExchangeSession
{
    private bool _stalled;
    private TimeSpan _deliveryDelay = TimeSpan.Zero;

    /// <summary>Sends <paramref name="payload"/> as it is (binary unless <paramref name="isText"/>), bypassing formats,
    /// stalls and subscriptions.</summary>
    public void Push(ReadOnlyMemory<byte> payload, bool isText)
    {
        var copy = payload.ToArray();
        lock (_gate)
        {
            _outbox.Enqueue(_deliveryDelay, sink => sink.Send(copy, isText));
        }
    }

    /// <summary>Ends the connection at once without a close frame; queued frames are lost.</summary>
    public void Drop()
    {
        _outbox.End();
        _hub.Scheduler.Schedule(() =>
        {
            lock (_gate)
            {
                if (_ended)
                {
                    return;
                }
            }

            // NB: recorded before the abort: a client that sees the drop may read the connection's record at once.
            End(1006);
            _sink.Abort();
        });
    }

    /// <summary>Whether <see cref="Stall"/> was called: the host then does not answer a client's close frame either.</summary>
    public bool IsStalled
    {
        get
        {
            lock (_gate)
            {
                return _stalled;
            }
        }
    }

    /// <summary>From now on sends nothing (no data, no <c>UP</c>, no replies) and never times out, like a hung server.</summary>
    public void Stall()
    {
        lock (_gate)
        {
            _stalled = true;
        }
    }

    /// <summary>Sends an error frame and closes with 1000 after the configured delay, as Upbit does for bad requests.</summary>
    public void Fail(ServerError error)
    {
        lock (_gate)
        {
            if (!_closing && !_ended)
            {
                FailLocked(error);
            }
        }
    }

    /// <summary>Delays every later frame by <paramref name="delay"/> (order is kept).</summary>
    public void SlowDown(TimeSpan delay)
    {
        lock (_gate)
        {
            _deliveryDelay = delay;
        }
    }
}
