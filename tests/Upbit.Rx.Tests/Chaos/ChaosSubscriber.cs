using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>One churned subscriber: what it asked for, what it received (per code, in run order) and how it ended.
/// Checks trade order as trades arrive.</summary>
internal sealed class ChaosSubscriber(int id, ChaosStream stream, ChaosLog log, ChaosScheduler scheduler) : IObserver<UpbitMessage>
{
    private readonly Dictionary<string, long> _lastTrade = new(StringComparer.Ordinal);

    public int Id => id;

    public ChaosStream Stream => stream;

    public long SubscribedSeq { get; private set; }

    public long SubscribedAt { get; private set; }

    public IDisposable? Handle { get; private set; }

    public bool Disposed { get; private set; }

    public Exception? Error { get; private set; }

    public long ErrorAt { get; private set; }

    public bool Completed { get; private set; }

    /// <summary>Live: neither disposed nor ended by the client.</summary>
    public bool IsLive => !Disposed && Error is null && !Completed;

    /// <summary>Per code (<c>*</c> for myAsset), the run sequence number of the last value received.</summary>
    public Dictionary<string, long> LastSeq { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of private events received (order uuids, asset uuids).</summary>
    public HashSet<string> EventIds { get; } = new(StringComparer.Ordinal);

    public long Received { get; private set; }

    public void Start(UpbitClient client)
    {
        Handle = stream.Subscribe(client, this);

        // NB: taken after Subscribe returns, so a cached value handed over inside Subscribe never counts as fresh.
        SubscribedSeq = log.Next();
        SubscribedAt = scheduler.Clock;
    }

    public void Dispose()
    {
        Disposed = true;
        Handle?.Dispose();
    }

    public void OnNext(UpbitMessage value)
    {
        Received++;
        var seq = log.Next();
        switch (value)
        {
            case Trade trade:
                CheckOrder(trade);
                LastSeq[trade.Code] = seq;
                break;
            case MyOrder order:
                EventIds.Add(order.Uuid);
                LastSeq[order.Code] = seq;
                break;
            case MyAsset asset:
                EventIds.Add(asset.AssetUuid);
                LastSeq["*"] = seq;
                break;
            case IMarketMessage market:
                LastSeq[market.Code] = seq;
                break;
        }
    }

    public void OnError(Exception error)
    {
        Error = error;
        ErrorAt = scheduler.Clock;
        log.Event($"sub#{id} {stream} OnError {error.GetType().Name}: {error.Message}");
    }

    public void OnCompleted()
    {
        Completed = true;
        log.Event($"sub#{id} {stream} OnCompleted");
    }

    private void CheckOrder(Trade trade)
    {
        if (_lastTrade.TryGetValue(trade.Code, out var last) && trade.SequentialId <= last)
        {
            var what = trade.SequentialId == last ? "arrived twice" : "went backwards";
            log.Violation(ChaosInvariant.TradeOrder, $"sub#{id} {stream}: trade {trade.Code} #{trade.SequentialId} {what} (last #{last}, {trade.StreamType})");
        }

        _lastTrade[trade.Code] = Math.Max(last, trade.SequentialId);
    }
}
