using Upbit.Rx.Protocol;

namespace Upbit.Rx.Connection;

internal sealed partial class FramePipeline
{
    /// <summary>Starts one more worker loop unless as many as allowed are running.</summary>
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

    /// <summary>A worker loop: decodes waiting frames, oldest first, delivering what it can, until none is left.</summary>
    private void Work()
    {
        var decoder = t_decoder ??= new FrameDecoder();
        while (true)
        {
            while (_toDecode.TryDequeue(out var frame))
            {
                try
                {
                    _beforeWorkerDecode?.Invoke(frame);
                    frame.DecodeHeld(decoder, skip: Volatile.Read(ref _stopped) != 0);
                }
                catch (Exception ex) when (_onFault is not null)
                {
                    // NB: an exception on a pool thread would end the process; the owner decides (it drops the connection).
                    _onFault(ex);
                }

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
}
