using Upbit.Rx.Streams;

namespace Upbit.Rx.Connection;

/// <content>Publishing what a backfill fetched and held, each trade once.</content>
internal sealed partial class TradeBackfill
{
    /// <summary>
    /// Whether a live trade of an idle code is one a backfill delivered already; forgets that set once the socket has
    /// passed the last of those trades. Must hold the gate.
    /// </summary>
    private static bool IsRepeat(TradeBackfillState state, Trade trade)
    {
        if (state.Delivered is not { } delivered)
        {
            return false;
        }

        if (delivered.ContainsKey(trade.SequentialId))
        {
            return true;
        }

        if (trade.TradeTimestamp > state.DeliveredUntil)
        {
            state.Delivered = null;
            state.DeliveredUntil = 0;
        }

        return false;
    }

    /// <summary>
    /// Publishes the backfilled trades, then the held ones, batch by batch, until nothing is held, each trade once:
    /// <paramref name="delivered"/> holds the ids this code's backfills delivered so far (a held trade REST returned too,
    /// or a fetched one an earlier backfill delivered, is dropped); starts the next backfill when the connection came
    /// back again meanwhile, handing it that set.
    /// </summary>
    private void Deliver(TradeBackfillState state, List<Trade> batch, Dictionary<long, long> delivered)
    {
        while (true)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            Trade? lastPublished = null;
            foreach (var trade in batch)
            {
                if (!delivered.TryAdd(trade.SequentialId, trade.TradeTimestamp))
                {
                    _droppedRepeat(trade);
                    continue;
                }

                _publish(trade);
                lastPublished = trade;
            }

            lock (_gate)
            {
                // NB: only forward in trade time: when REST ran ahead of the socket, the held trades may be older than the
                // fetched ones, and the last seen must stay the newest, or the next backfill would walk back over delivered trades.
                if (lastPublished is not null && (state.LastSeen is null || lastPublished.TradeTimestamp >= state.LastSeen.TradeTimestamp))
                {
                    state.LastSeen = lastPublished;
                }

                if (state.Left)
                {
                    state.Left = false;
                    delivered.Clear();
                }

                if (state.RearmAt is { } at && at > 0)
                {
                    // NB: the trades held before the reconnect came over the old connection; they go out first.
                    batch = state.Held[..at];
                    state.Held.RemoveRange(0, at);
                    state.RearmAt = 0;
                    continue;
                }

                var rearm = state.RearmAt is not null;
                state.RearmAt = null;
                if (state.Held.Count == 0)
                {
                    // NB: REST may have answered ahead of the socket: live trades it returned can still come, and only
                    // this set, not the feed's short filter, is sure to know them.
                    state.Delivered = delivered;
                    state.DeliveredUntil = delivered.Count == 0 ? 0 : delivered.Values.Max();
                    state.Busy = false;
                    state.Armed = rearm;
                    state.Cancel?.Dispose();
                    state.Cancel = null;
                    return;
                }

                if (rearm && state.Held[0].SequentialId != state.LastSeen?.SequentialId)
                {
                    state.Cancel?.Dispose();
                    state.Cancel = null;
                    break;
                }

                batch = state.Held;
                state.Held = [];
            }
        }

        Start(state, delivered);
    }
}
