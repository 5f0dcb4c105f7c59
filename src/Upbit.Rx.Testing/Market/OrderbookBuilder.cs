using System.Runtime.InteropServices;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Market;

/// <summary>
/// Builds complete books around a best bid: asks ascend and bids descend on the grid of the tick (level 0) or of
/// the grouping level, sizes are a pure function of the pair, book version and position (so every connection sees
/// the same book), and a side that runs out of positive prices is padded with 0/0 units.
/// </summary>
internal static class OrderbookBuilder
{
    public static Orderbook Build(
        string code, decimal bestBid, decimal tick, decimal level, int units, long version, decimal notional,
        StreamType streamType, long timestamp)
    {
        var step = level == 0m ? tick : level;
        var bid = TickSizes.Floor(bestBid, step);
        var ask = TickSizes.Ceiling(bestBid + tick, step);
        if (ask <= bid)
        {
            ask = bid + step;
        }

        var scale = (decimal)Math.Sqrt((double)(step / tick));
        var list = new OrderbookUnit[units];
        decimal totalAsk = 0m, totalBid = 0m;
        for (var i = 0; i < units; i++)
        {
            var askPrice = ask + (i * step);
            var bidPrice = bid - (i * step);
            var askSize = Size(code, version, 0, i, notional, askPrice, scale);
            var bidSize = bidPrice > 0m ? Size(code, version, 1, i, notional, bidPrice, scale) : 0m;
            bidPrice = Math.Max(bidPrice, 0m);
            list[i] = new OrderbookUnit { AskPrice = askPrice, BidPrice = bidPrice, AskSize = askSize, BidSize = bidSize };
            totalAsk += askSize;
            totalBid += bidSize;
        }

        return new Orderbook
        {
            Code = code,
            TotalAskSize = totalAsk,
            TotalBidSize = totalBid,
            Units = ImmutableCollectionsMarshal.AsImmutableArray(list),
            Level = level,
            Timestamp = timestamp,
            StreamType = streamType,
        };
    }

    private static decimal Size(string code, long version, int side, int index, decimal notional, decimal price, decimal scale)
    {
        var u = (decimal)StableHash.Unit(code, version, side, index);
        var size = notional * (0.2m + (20m * u * u)) * scale / price;
        return Math.Max(0.00000001m, Math.Round(size, 8));
    }
}
