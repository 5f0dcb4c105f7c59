using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Testing.Scenarios;

/// <summary>Private events a test publishes through the exchange.</summary>
public static class PrivateMessages
{
    public static MyOrder Order(string code, string uuid) => new()
    {
        Code = code,
        Uuid = uuid,
        AskBid = AskBid.Bid,
        OrderType = OrderType.Limit,
        State = OrderState.Wait,
        TradeUuid = null,
        Price = 145_000_000m,
        AvgPrice = 0m,
        Volume = 0.001m,
        RemainingVolume = 0.001m,
        ExecutedVolume = 0m,
        TradesCount = 0,
        ReservedFee = 72.5m,
        RemainingFee = 72.5m,
        PaidFee = 0m,
        Locked = 145_072.5m,
        ExecutedFunds = 0m,
        TimeInForce = null,
        TradeFee = null,
        IsMaker = null,
        Identifier = null,
        SmpType = null,
        PreventedVolume = 0m,
        PreventedLocked = 0m,
        TradeTimestamp = null,
        OrderTimestamp = 1_788_220_800_000,
        Timestamp = 1_788_220_800_012,
        StreamType = StreamType.Realtime,
    };

    public static MyAsset Asset() => new()
    {
        AssetUuid = "e635f223-1609-4969-8fb6-4376937baad6",
        Assets = [new MyAssetBalance { Currency = "KRW", Balance = 1386929.37231066771348207123m, Locked = 10329.670127489597585685m }],
        AssetTimestamp = 1_788_220_800_100,
        Timestamp = 1_788_220_800_105,
        StreamType = StreamType.Realtime,
    };

    public static Announcement Notice(string category, string? body) => new()
    {
        EventType = AnnouncementEventType.Created,
        Uuid = "562593104",
        Title = "서비스 점검 안내",
        Category = category,
        Url = "https://upbit.com/service_center/notice?id=5625",
        FirstListedAt = "2026-09-01T10:00:00+09:00",
        ListedAt = "2026-09-01T10:00:00+09:00",
        Timestamp = 1_788_220_800_000,
        StreamType = StreamType.Realtime,
        Body = body,
    };
}
