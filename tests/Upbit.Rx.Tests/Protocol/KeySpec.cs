using System.Globalization;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>
/// Parses the key tables used by the planner tests: keys separated by <c>;</c>, each <c>[~|!]kind [code] [units] [level]</c>
/// where <c>~</c> marks a live key (realtime only) and <c>!</c> a snapshot-only fetch. Kinds: ticker, trade,
/// orderbook, c1s, c1m, c240m, myOrder, myAsset, announcement, announcement+body (the code is a category).
/// </summary>
internal static class KeySpec
{
    public static PlannedKey[] Parse(string spec) =>
        spec.Length == 0 ? [] : [.. spec.Split(';', StringSplitOptions.TrimEntries).Select(ParseOne)];

    private static PlannedKey ParseOne(string item)
    {
        var delivery = item[0] switch
        {
            '~' => KeyDelivery.RealtimeOnly,
            '!' => KeyDelivery.SnapshotOnly,
            _ => KeyDelivery.SnapshotThenRealtime,
        };
        var parts = item.TrimStart('~', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var code = parts.Length > 1 ? parts[1] : string.Empty;
        var key = parts[0] switch
        {
            "ticker" => StreamKey.Ticker(code),
            "trade" => StreamKey.Trade(code),
            "orderbook" => StreamKey.Orderbook(
                code,
                parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 30,
                parts.Length > 3 ? decimal.Parse(parts[3], CultureInfo.InvariantCulture) : 0m),
            "c1s" => StreamKey.Candle(code, CandleInterval.OneSecond),
            "c1m" => StreamKey.Candle(code, CandleInterval.OneMinute),
            "c240m" => StreamKey.Candle(code, CandleInterval.TwoHundredFortyMinutes),
            "myOrder" => StreamKey.MyOrder(code),
            "myAsset" => StreamKey.MyAsset(),
            "announcement" => StreamKey.Announcement(code),
            "announcement+body" => StreamKey.Announcement(code, includeBody: true),
            _ => throw new ArgumentException($"Unknown kind in spec '{item}'.", nameof(item)),
        };
        return new PlannedKey(key, delivery);
    }
}
