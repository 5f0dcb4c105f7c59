using Upbit.Rx.Streams;

namespace Upbit.Rx.Subscriptions;

/// <summary>
/// Decides whether a message repeats what a key's subscribers already saw: the safety net behind sending
/// live keys with <c>is_only_realtime</c> (law 4). Events are compared by identity, states by content; nothing
/// is ever dropped for being older than the last value (two orders on the all-markets feed may arrive with
/// their timestamps out of order, and both are news).
/// </summary>
internal sealed class Duplicates
{
    /// <summary>
    /// The trade ids remembered per code. The backfill drops every repeat it causes itself
    /// (<see cref="Connection.TradeBackfill"/>), so what the feed must still catch is short-range: the snapshot after a
    /// reconnect (the last trade seen), and trades of the same millisecond as the last one seen live, which a backfill's
    /// walk fetches again. 128 ids are 1 KB a code, where 1,024 were 8 KB: 1.4 MB less on 200 trade codes, which
    /// outlived every young collection.
    /// </summary>
    public const int RememberedTrades = 128;

    private const int Remembered = 1024;

    private readonly RecentTradeIds? _trades;
    private readonly RecentIds<(string Uuid, OrderState State, string? TradeUuid)>? _orders;
    private readonly RecentIds<MyAsset>? _assets;
    private readonly RecentIds<(string Uuid, AnnouncementEventType EventType, string ListedAt)>? _notices;

    private Duplicates(StreamKind kind)
    {
        switch (kind)
        {
            case StreamKind.Trade:
                _trades = new(RememberedTrades);
                break;
            case StreamKind.MyOrder:
                _orders = new(Remembered);
                break;
            case StreamKind.MyAsset:
                _assets = new(Remembered);
                break;
            case StreamKind.Announcement:
                _notices = new(Remembered);
                break;
        }
    }

    /// <summary>The filter for one route key's feed.</summary>
    public static Duplicates For(StreamKind kind) => new(kind);

    /// <summary>
    /// Events: trades by <c>sequential_id</c>; order events by order uuid, state and fill uuid (one order yields
    /// one event per state change and one per fill); asset changes by <see cref="AssetChange"/>; notices by uuid, event type
    /// and <c>listed_at</c> (an edit is news, a resend is not). States (ticker,
    /// order book, candle): equal in content to the latest value, whatever the stream type says; when either was polled
    /// over REST, equal in the fields both sources carry, send time aside (<see cref="CrossSource"/>). Records the
    /// identity of an event that is not a duplicate. Must be called under the owning feed's gate.
    /// </summary>
    public bool IsDuplicate(UpbitMessage? latest, UpbitMessage next) => next switch
    {
        Trade trade => _trades is not null && !_trades.Add(trade.SequentialId),
        MyOrder order => _orders is not null && !_orders.Add((order.Uuid, order.State, order.TradeUuid)),
        MyAsset asset => _assets is not null && !_assets.Add(AssetChange(asset)),
        Announcement notice => _notices is not null && !_notices.Add((notice.Uuid, notice.EventType, notice.ListedAt)),
        _ => latest is not null && SameState(latest, next),
    };

    /// <summary>
    /// The identity of an asset change: <c>asset_uuid</c>, <c>asset_timestamp</c> and the balances, but not the send
    /// <c>timestamp</c> or the stream type.
    /// </summary>
    /// <remarks>
    /// NB: the protocol leaves the meaning of <c>asset_uuid</c> undocumented. Were it one id per account, the uuid
    /// alone would drop every change after the first; so the identity also holds when the assets changed and what
    /// they became. The send time is left out: a change sent again is the same change, whenever it was sent.
    /// </remarks>
    private static MyAsset AssetChange(MyAsset asset) => asset with { Timestamp = 0, StreamType = StreamType.Realtime };

    private static bool SameState(UpbitMessage latest, UpbitMessage next) => (latest, next) switch
    {
        // NB: the clone that ignores the stream type is made only when the types differ (a snapshot against a realtime
        // value), so a steady realtime feed compares without allocating. The send timestamp is compared first: records
        // with different stamps are never equal, and the record's own order compared every other field before it (a
        // whole 30-unit book, 120 decimals, for each new book of a code). Only the REST comparison ignores the stamp.
        (Ticker a, Ticker b) => (a.Timestamp == b.Timestamp && (a.StreamType == b.StreamType ? a == b : a == b with { StreamType = a.StreamType })) || (CrossSource.Involved(a, b) && CrossSource.Common(a) == CrossSource.Common(b)),
        (Orderbook a, Orderbook b) => (a.Timestamp == b.Timestamp && (a.StreamType == b.StreamType ? a == b : a == b with { StreamType = a.StreamType })) || (CrossSource.Involved(a, b) && CrossSource.Common(a) == CrossSource.Common(b)),
        (Candle a, Candle b) => (a.Timestamp == b.Timestamp && (a.StreamType == b.StreamType ? a == b : a == b with { StreamType = a.StreamType })) || (CrossSource.Involved(a, b) && CrossSource.Common(a) == CrossSource.Common(b)),
        _ => false,
    };
}
