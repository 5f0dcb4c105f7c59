using Upbit.Rx.Streams;

namespace Upbit.Rx.Protocol;

/// <content>One writer per data type, fields in the order of the protocol tables (§3.1–§3.7).</content>
internal static partial class FrameEncoder
{
    private static void WriteTicker(FieldWriter w, Ticker t)
    {
        w.Text(FieldId.Type, WireNames.Ticker);
        w.Text(FieldId.Code, t.Code);
        w.Number(FieldId.OpeningPrice, t.OpeningPrice);
        w.Number(FieldId.HighPrice, t.HighPrice);
        w.Number(FieldId.LowPrice, t.LowPrice);
        w.Number(FieldId.TradePrice, t.TradePrice);
        w.Number(FieldId.PrevClosingPrice, t.PrevClosingPrice);
        w.Text(FieldId.Change, WireEnums.ToWire(t.Change));
        w.Number(FieldId.ChangePrice, t.ChangePrice);
        w.Number(FieldId.SignedChangePrice, t.SignedChangePrice);
        w.Number(FieldId.ChangeRate, t.ChangeRate);
        w.Number(FieldId.SignedChangeRate, t.SignedChangeRate);
        w.Number(FieldId.TradeVolume, t.TradeVolume);
        w.Number(FieldId.AccTradeVolume, t.AccTradeVolume);
        w.Number(FieldId.AccTradeVolume24h, t.AccTradeVolume24h);
        w.Number(FieldId.AccTradePrice, t.AccTradePrice);
        w.Number(FieldId.AccTradePrice24h, t.AccTradePrice24h);
        w.Text(FieldId.TickerTradeDate, t.TradeDate);
        w.Text(FieldId.TradeTime, t.TradeTime);
        w.Integer(FieldId.TradeTimestamp, t.TradeTimestamp);
        w.Text(FieldId.AskBid, WireEnums.ToWire(t.AskBid));
        w.Number(FieldId.AccAskVolume, t.AccAskVolume);
        w.Number(FieldId.AccBidVolume, t.AccBidVolume);
        w.Number(FieldId.Highest52WeekPrice, t.Highest52WeekPrice);
        w.Text(FieldId.Highest52WeekDate, t.Highest52WeekDate);
        w.Number(FieldId.Lowest52WeekPrice, t.Lowest52WeekPrice);
        w.Text(FieldId.Lowest52WeekDate, t.Lowest52WeekDate);
        w.Text(FieldId.MarketState, WireEnums.ToWire(t.MarketState));
        w.BooleanIfPresent(FieldId.IsTradingSuspended, t.IsTradingSuspended);
        w.Text(FieldId.DelistingDate, t.DelistingDate);
        w.TextIfPresent(FieldId.MarketWarning, t.MarketWarning is { } warning ? WireEnums.ToWire(warning) : null);
        w.Integer(FieldId.Timestamp, t.Timestamp);
        w.Text(FieldId.StreamType, WireEnums.ToWire(t.StreamType));
    }

    private static void WriteTrade(FieldWriter w, Trade t)
    {
        w.Text(FieldId.Type, WireNames.Trade);
        w.Text(FieldId.Code, t.Code);
        w.Number(FieldId.TradePrice, t.TradePrice);
        w.Number(FieldId.TradeVolume, t.TradeVolume);
        w.Text(FieldId.AskBid, WireEnums.ToWire(t.AskBid));
        w.Number(FieldId.PrevClosingPrice, t.PrevClosingPrice);
        w.Text(FieldId.Change, WireEnums.ToWire(t.Change));
        w.Number(FieldId.ChangePrice, t.ChangePrice);
        w.Text(FieldId.TradeDate, t.TradeDate);
        w.Text(FieldId.TradeTime, t.TradeTime);
        w.Integer(FieldId.TradeTimestamp, t.TradeTimestamp);
        w.Integer(FieldId.Timestamp, t.Timestamp);
        w.Integer(FieldId.SequentialId, t.SequentialId);
        w.NumberIfPresent(FieldId.BestAskPrice, t.BestAskPrice);
        w.NumberIfPresent(FieldId.BestAskSize, t.BestAskSize);
        w.NumberIfPresent(FieldId.BestBidPrice, t.BestBidPrice);
        w.NumberIfPresent(FieldId.BestBidSize, t.BestBidSize);
        w.Text(FieldId.StreamType, WireEnums.ToWire(t.StreamType));
    }

    private static void WriteOrderbook(FieldWriter w, Orderbook book)
    {
        w.Text(FieldId.Type, WireNames.Orderbook);
        w.Text(FieldId.Code, book.Code);
        w.Number(FieldId.TotalAskSize, book.TotalAskSize);
        w.Number(FieldId.TotalBidSize, book.TotalBidSize);
        w.Key(FieldId.OrderbookUnits);
        w.Json.WriteStartArray();
        foreach (var unit in book.Units)
        {
            w.Json.WriteStartObject();
            w.Number(FieldId.UnitAskPrice, unit.AskPrice);
            w.Number(FieldId.UnitBidPrice, unit.BidPrice);
            w.Number(FieldId.UnitAskSize, unit.AskSize);
            w.Number(FieldId.UnitBidSize, unit.BidSize);
            w.Json.WriteEndObject();
        }

        w.Json.WriteEndArray();
        w.Integer(FieldId.Timestamp, book.Timestamp);
        w.NumberIfPresent(FieldId.Level, book.Level);
        w.Text(FieldId.StreamType, WireEnums.ToWire(book.StreamType));
    }

    private static void WriteCandle(FieldWriter w, Candle c)
    {
        w.Text(FieldId.Type, WireNames.CandleTypeName(c.Interval));
        w.Text(FieldId.Code, c.Code);
        w.Text(FieldId.CandleDateTimeUtc, c.CandleDateTimeUtc);
        w.Text(FieldId.CandleDateTimeKst, c.CandleDateTimeKst);
        w.Number(FieldId.OpeningPrice, c.OpeningPrice);
        w.Number(FieldId.HighPrice, c.HighPrice);
        w.Number(FieldId.LowPrice, c.LowPrice);
        w.Number(FieldId.TradePrice, c.TradePrice);
        w.Number(FieldId.CandleAccTradeVolume, c.CandleAccTradeVolume);
        w.Number(FieldId.CandleAccTradePrice, c.CandleAccTradePrice);
        w.Integer(FieldId.Timestamp, c.Timestamp);
        w.Text(FieldId.StreamType, WireEnums.ToWire(c.StreamType));
    }

    private static void WriteMyOrder(FieldWriter w, MyOrder o)
    {
        w.Text(FieldId.Type, WireNames.MyOrder);
        w.Text(FieldId.Code, o.Code);
        w.Text(FieldId.Uuid, o.Uuid);
        w.Text(FieldId.AskBid, WireEnums.ToWire(o.AskBid));
        w.Text(FieldId.OrderType, WireEnums.ToWire(o.OrderType));
        w.Text(FieldId.State, WireEnums.ToWire(o.State));
        w.Text(FieldId.TradeUuid, o.TradeUuid);
        w.Number(FieldId.Price, o.Price);
        w.Number(FieldId.AvgPrice, o.AvgPrice);
        w.Number(FieldId.Volume, o.Volume);
        w.Number(FieldId.RemainingVolume, o.RemainingVolume);
        w.Number(FieldId.ExecutedVolume, o.ExecutedVolume);
        w.Integer(FieldId.TradesCount, o.TradesCount);
        w.Number(FieldId.ReservedFee, o.ReservedFee);
        w.Number(FieldId.RemainingFee, o.RemainingFee);
        w.Number(FieldId.PaidFee, o.PaidFee);
        w.Number(FieldId.Locked, o.Locked);
        w.Number(FieldId.ExecutedFunds, o.ExecutedFunds);
        w.Text(FieldId.TimeInForce, o.TimeInForce is { } tif ? WireEnums.ToWire(tif) : null);
        w.Number(FieldId.TradeFee, o.TradeFee);
        w.Boolean(FieldId.IsMaker, o.IsMaker);
        w.Text(FieldId.Identifier, o.Identifier);
        w.Text(FieldId.SmpType, o.SmpType is { } smp ? WireEnums.ToWire(smp) : null);
        w.Number(FieldId.PreventedVolume, o.PreventedVolume);
        w.Number(FieldId.PreventedLocked, o.PreventedLocked);
        w.Integer(FieldId.TradeTimestamp, o.TradeTimestamp);
        w.Integer(FieldId.OrderTimestamp, o.OrderTimestamp);
        w.Integer(FieldId.Timestamp, o.Timestamp);
        w.Text(FieldId.StreamType, WireEnums.ToWire(o.StreamType));
    }

    private static void WriteMyAsset(FieldWriter w, MyAsset a)
    {
        w.Text(FieldId.Type, WireNames.MyAsset);
        w.Text(FieldId.AssetUuid, a.AssetUuid);
        w.Key(FieldId.Assets);
        w.Json.WriteStartArray();
        foreach (var balance in a.Assets)
        {
            w.Json.WriteStartObject();
            w.Text(FieldId.AssetCurrency, balance.Currency);
            w.Number(FieldId.AssetBalance, balance.Balance);
            w.Number(FieldId.AssetLocked, balance.Locked);
            w.Json.WriteEndObject();
        }

        w.Json.WriteEndArray();
        w.Integer(FieldId.AssetTimestamp, a.AssetTimestamp);
        w.Integer(FieldId.Timestamp, a.Timestamp);
        w.Text(FieldId.StreamType, WireEnums.ToWire(a.StreamType));
    }

    private static void WriteAnnouncement(FieldWriter w, Announcement a)
    {
        w.Text(FieldId.Type, WireNames.Announcement);
        w.Text(FieldId.EventType, WireEnums.ToWire(a.EventType));
        w.Text(FieldId.Uuid, a.Uuid);
        w.Text(FieldId.Title, a.Title);
        w.Text(FieldId.Category, a.Category);
        w.Text(FieldId.Url, a.Url);
        w.Text(FieldId.FirstListedAt, a.FirstListedAt);
        w.Text(FieldId.ListedAt, a.ListedAt);
        w.Integer(FieldId.Timestamp, a.Timestamp);
        w.Text(FieldId.StreamType, WireEnums.ToWire(a.StreamType));
        w.TextIfPresent(FieldId.Body, a.Body);
    }
}
