namespace Upbit.Rx.Connection;

internal sealed partial class FramePipeline
{
    /// <summary>Puts <paramref name="frame"/> at the tail of the line. Posting thread only.</summary>
    private void Append(PipelinedFrame frame)
    {
        frame.Next = null;

        // NB: published with release semantics: a deliverer that sees the link sees the frame as it was linked.
        Volatile.Write(ref _lineTail.Next, frame);
        _lineTail = frame;
    }

    /// <summary>
    /// Waits until the line is down to half its limit (or the pipeline stopped). Posting thread only, with no frame
    /// left for it to decode: every frame in flight is decoded or being decoded, and the delivery is behind.
    /// </summary>
    private void WaitForRoom() => DecodeAndWaitWhileMoreThan(_maxInFlight);

    /// <summary>
    /// Delivers every frame posted so far before it returns (or until <see cref="Stop"/>): decodes the frames still
    /// waiting for a worker on this thread and waits for those a worker holds. The owner calls it when the transport
    /// reports the connection's end, so what arrived before the end (a server's error frame before its close, the last
    /// frames before a drop) is delivered, as inline decoding would have, rather than dropped with the pipeline.
    /// Posting thread only (serially with <see cref="Post"/>).
    /// </summary>
    /// <remarks>
    /// NB: called from inside a delivery on this same thread (a transport that reports the end from a subscriber's
    /// call), it returns at once: it would wait for its own delivery for good. What is in the line then goes with the
    /// teardown, as before there was a flush.
    /// </remarks>
    public void Flush()
    {
        if (Volatile.Read(ref _deliveringThread) == Environment.CurrentManagedThreadId)
        {
            return;
        }

        DecodeAndWaitWhileMoreThan(0);
        DeliverFinished();
    }

    /// <summary>
    /// While more than <paramref name="limit"/> frames are in flight and the pipeline runs: decodes the oldest frame
    /// waiting for a worker, or, with none waiting, waits for the delivery to catch up. Posting thread only.
    /// </summary>
    private void DecodeAndWaitWhileMoreThan(int limit)
    {
        while (Volatile.Read(ref _inFlight) > limit && Volatile.Read(ref _stopped) == 0)
        {
            if (_toDecode.TryDequeue(out var waiting))
            {
                waiting.DecodeHeld(_postingDecoder, skip: false);
                DeliverFinished();
                continue;
            }

            _beforeWaitForRoom?.Invoke();
            lock (_roomGate)
            {
                // NB: a full fence between announcing the wait and reading the count, against the deliverer's
                // decrement-then-read: either it sees this thread waiting and pulses, or this thread sees the room.
                Interlocked.Exchange(ref _waitingForRoom, 1);
                if (Volatile.Read(ref _inFlight) > limit && Volatile.Read(ref _stopped) == 0)
                {
                    Monitor.Wait(_roomGate);
                }

                Volatile.Write(ref _waitingForRoom, 0);
            }
        }
    }

    /// <summary>Counts a delivered (or dropped) frame out, and wakes the posting thread once there is room again.</summary>
    private void Delivered()
    {
        var left = Interlocked.Decrement(ref _inFlight);
        if (left <= _maxInFlight / 2 && Volatile.Read(ref _waitingForRoom) != 0)
        {
            lock (_roomGate)
            {
                Monitor.PulseAll(_roomGate);
            }
        }
    }


    /// <summary>Delivers the finished frames at the head of the line, unless another thread is delivering already.</summary>
    private void DeliverFinished()
    {
        while (Interlocked.CompareExchange(ref _delivering, 1, 0) == 0)
        {
            Volatile.Write(ref _deliveringThread, Environment.CurrentManagedThreadId);
            try
            {
                while (Volatile.Read(ref _lineHead.Next) is { IsDone: true } head)
                {
                    var stub = _lineHead;
                    _lineHead = head;

                    // NB: the posting thread linked head behind the stub, so it is done with the stub for good.
                    _spare.Enqueue(stub);
                    try
                    {
                        if (Volatile.Read(ref _stopped) == 0)
                        {
                            _deliver(head);
                        }
                    }
                    catch (Exception ex) when (_onFault is not null)
                    {
                        // NB: on whichever thread delivers: the owner decides (it drops the connection), and the
                        // delivery goes on, so no frame finished meanwhile is stranded behind a delivery that left
                        // early (with the posting thread waiting for room for good).
                        _onFault(ex);
                    }
                    finally
                    {
                        head.Reset();
                        Delivered();
                    }
                }
            }
            finally
            {
                // NB: a full fence, not a release store: the look below must not move ahead of clearing the flag (x86
                // reorders a store with a later load), or this thread and one finishing the next frame could each see
                // the other still at work, and that frame would be stranded (seen as a stalled feed in the benchmark).
                // In a finally, so a delivery that throws does not leave the flag set and the line wedged.
                Volatile.Write(ref _deliveringThread, 0);
                Interlocked.Exchange(ref _delivering, 0);
            }

            // NB: a frame that finished after the last look but before the flag was cleared found the flag set and
            // left; look once more so it is not stranded.
            if (Volatile.Read(ref Volatile.Read(ref _lineHead).Next) is not { IsDone: true })
            {
                return;
            }
        }
    }
}
