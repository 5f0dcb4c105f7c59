using Upbit.Rx.Streams;

namespace Upbit.Rx.Subscriptions;

/// <summary>
/// Decides whether a message repeats what a key's subscribers already saw: the safety net behind sending
/// live keys with <c>is_only_realtime</c> (law 4).
/// </summary>
internal static class Duplicates
{
    /// <summary>
    /// Trades: a <c>sequential_id</c> seen before. Other market data: older than the last value, or the same
    /// instant with the same content (a snapshot that restates the last realtime value).
    /// </summary>
    public static bool IsDuplicate(UpbitMessage? last, UpbitMessage next, RecentIds? tradeIds)
    {
        if (next is Trade trade)
        {
            return tradeIds is not null && !tradeIds.Add(trade.SequentialId);
        }

        if (last is not IMarketMessage previous || next is not IMarketMessage current)
        {
            return false;
        }

        return current.Timestamp < previous.Timestamp ||
               (current.Timestamp == previous.Timestamp && SameContent(last, next));
    }

    private static bool SameContent(UpbitMessage last, UpbitMessage next) => (last, next) switch
    {
        (Ticker a, Ticker b) => a == b with { StreamType = a.StreamType },
        (Orderbook a, Orderbook b) => a == b with { StreamType = a.StreamType },
        (Candle a, Candle b) => a == b with { StreamType = a.StreamType },
        (MyOrder a, MyOrder b) => a == b with { StreamType = a.StreamType },
        _ => false,
    };
}
