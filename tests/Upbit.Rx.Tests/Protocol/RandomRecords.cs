using System.Collections.Immutable;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>Seeded random records of every type, with decimals of every scale, for round-trip properties.</summary>
internal static class RandomRecords
{
    public static UpbitMessage Next(Random r) => r.Next(10) switch
    {
        0 => ExpectedRecords.TickerSnapshot with { TradePrice = Dec(r), AccTradePrice = Dec(r), ChangeRate = Dec(r), Change = Pick<Change>(r), MarketWarning = r.Next(2) == 0 ? null : Pick<MarketWarning>(r), IsTradingSuspended = r.Next(3) switch { 0 => null, 1 => true, _ => false }, DelistingDate = r.Next(2) == 0 ? null : "2026-12-31", TradeTimestamp = r.NextInt64(), StreamType = Pick<StreamType>(r) },
        1 => ExpectedRecords.TradeBtc with { SequentialId = r.NextInt64(long.MinValue, long.MaxValue), TradeVolume = Dec(r), BestAskPrice = r.Next(2) == 0 ? null : Dec(r), BestBidSize = r.Next(2) == 0 ? null : Dec(r), AskBid = Pick<AskBid>(r) },
        2 => new Orderbook { Code = "KRW-XRP", TotalAskSize = Dec(r), TotalBidSize = Dec(r), Units = Units(r), Level = r.Next(2) == 0 ? null : Dec(r), Timestamp = r.NextInt64(), StreamType = Pick<StreamType>(r) },
        3 => ExpectedRecords.Candle1m with { Interval = (CandleInterval)r.Next((int)CandleInterval.TwoHundredFortyMinutes + 1), CandleAccTradePrice = Dec(r), OpeningPrice = Dec(r) },
        4 => ExpectedRecords.MyOrder with { Price = r.Next(3) == 0 ? null : Dec(r), Volume = r.Next(3) == 0 ? null : Dec(r), State = Pick<OrderState>(r), OrderType = Pick<OrderType>(r), TimeInForce = r.Next(2) == 0 ? null : Pick<TimeInForce>(r), SmpType = r.Next(2) == 0 ? null : Pick<SmpType>(r), IsMaker = r.Next(2) == 0 ? null : true, TradeTimestamp = r.Next(2) == 0 ? null : r.NextInt64(), TradesCount = r.Next(int.MinValue, int.MaxValue), Identifier = r.Next(2) == 0 ? null : "id \"quoted\" \\ 한글" },
        5 => new MyAsset { AssetUuid = Guid.NewGuid().ToString(), Assets = Enumerable.Range(0, r.Next(4)).Select(i => new MyAssetBalance { Currency = "C" + i, Balance = Dec(r), Locked = Dec(r) }).ToArray(), AssetTimestamp = r.NextInt64(), Timestamp = r.NextInt64(), StreamType = StreamType.Realtime },
        6 => ExpectedRecords.Announcement with { EventType = Pick<AnnouncementEventType>(r), Body = r.Next(2) == 0 ? null : "# 제목\n\n본문 \"x\"" },
        7 => new ServerError { Name = "E" + r.Next(), Message = r.Next(2) == 0 ? string.Empty : "msg\t\u0001" },
        8 => new SubscriptionList { Ticket = r.Next(2) == 0 ? null : "t" + r.Next(), Entries = Enumerable.Range(0, r.Next(4)).Select(i => new SubscriptionListEntry { Type = "orderbook", Codes = r.Next(2) == 0 ? null : new[] { "KRW-BTC", "KRW-ETH" }[..r.Next(3)], Level = r.Next(2) == 0 ? null : Dec(r) }).ToArray() },
        _ => new UnknownMessage { Type = "indicator" + r.Next(100) },
    };

    /// <summary>A decimal with 1–28 significant digits, a random scale and sign.</summary>
    public static decimal Dec(Random r)
    {
        var digits = r.Next(1, 29);
        var mantissa = 0m;
        for (var i = 0; i < digits; i++)
        {
            mantissa = (mantissa * 10) + r.Next(10);
        }

        var scale = (byte)r.Next(0, 29);
        var bits = decimal.GetBits(mantissa);
        return new decimal(bits[0], bits[1], bits[2], r.Next(4) == 0, scale);
    }

    private static ImmutableArray<OrderbookUnit> Units(Random r) =>
        Enumerable.Range(0, r.Next(31)).Select(_ => new OrderbookUnit { AskPrice = Math.Abs(Dec(r)) + 1, BidPrice = Dec(r), AskSize = Dec(r), BidSize = Dec(r) }).ToImmutableArray();

    private static T Pick<T>(Random r)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[r.Next(values.Length)];
    }
}
