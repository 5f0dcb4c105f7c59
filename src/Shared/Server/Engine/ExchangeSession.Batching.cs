using System.Reactive.Concurrency;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>Data frames: one message per frame, or under the list formats up to
/// <see cref="EngineOptions.ListFormatBatchSize"/> messages per array, flushed when full or at the end of the
/// burst that produced them.</summary>
internal sealed partial class ExchangeSession
{
    private readonly List<UpbitMessage> _batch = [];
    private bool _flushScheduled;

    private void SendDataLocked(UpbitMessage message)
    {
        if (Options.ListFormatBatchSize <= 1 || _format is not (WireFormat.JsonList or WireFormat.SimpleList))
        {
            SendLocked(Frames.Data(message, _format));
            return;
        }

        _batch.Add(message);
        if (_batch.Count >= Options.ListFormatBatchSize)
        {
            FlushLocked();
        }
        else if (!_flushScheduled)
        {
            _flushScheduled = true;
            _timers.Add(_hub.Scheduler.Schedule(() =>
            {
                lock (_gate)
                {
                    _flushScheduled = false;
                    FlushLocked();
                }
            }));
        }
    }

    /// <summary>Sends what is batched, in the format it was produced for (call before the format changes).</summary>
    private void FlushLocked()
    {
        if (_batch.Count > 0)
        {
            SendLocked(Frames.Data(_batch, _format));
            _batch.Clear();
        }
    }
}
