using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Rest;

/// <summary>
/// Decodes REST quotation bodies into the stream records (<see cref="Ticker"/>, <see cref="Trade"/>,
/// <see cref="Orderbook"/>, <see cref="Candle"/>) and the REST-only ones, from a <see cref="RestReader"/>. Keys come
/// in any order; unknown keys are skipped with their values; a documented field that is missing is an error naming it.
/// </summary>
internal static partial class RestDecoder
{
    /// <summary>Reads an array root, one element per <paramref name="element"/> call.</summary>
    public static List<T> List<T>(RestReader reader, Func<RestReader, T> element)
    {
        var result = new List<T>();
        reader.StartArray();
        while (reader.NextObject())
        {
            result.Add(element(reader));
        }

        reader.End();
        return result;
    }

    public static Ticker Ticker(RestReader r)
    {
        string? code = null, tradeDate = null, tradeTime = null, dateKst = null, timeKst = null, high52Date = null, low52Date = null;
        decimal? open = null, high = null, low = null, price = null, prevClose = null, changePrice = null, changeRate = null;
        decimal? signedPrice = null, signedRate = null, volume = null, accPrice = null, accPrice24 = null, accVolume = null;
        decimal? accVolume24 = null, high52 = null, low52 = null;
        long? tradeTimestamp = null, timestamp = null;
        var change = Change.Unknown;
        while (r.NextProperty(out var key))
        {
            switch (key)
            {
                case "market": code = r.String(); break;
                case "trade_date": tradeDate = r.String(); break;
                case "trade_time": tradeTime = r.String(); break;
                case "trade_date_kst": dateKst = r.String(); break;
                case "trade_time_kst": timeKst = r.String(); break;
                case "trade_timestamp": tradeTimestamp = r.Int64(); break;
                case "opening_price": open = r.Decimal(); break;
                case "high_price": high = r.Decimal(); break;
                case "low_price": low = r.Decimal(); break;
                case "trade_price": price = r.Decimal(); break;
                case "prev_closing_price": prevClose = r.Decimal(); break;
                case "change": change = WireEnums.ParseChange(r.String()); break;
                case "change_price": changePrice = r.Decimal(); break;
                case "change_rate": changeRate = r.Decimal(); break;
                case "signed_change_price": signedPrice = r.Decimal(); break;
                case "signed_change_rate": signedRate = r.Decimal(); break;
                case "trade_volume": volume = r.Decimal(); break;
                case "acc_trade_price": accPrice = r.Decimal(); break;
                case "acc_trade_price_24h": accPrice24 = r.Decimal(); break;
                case "acc_trade_volume": accVolume = r.Decimal(); break;
                case "acc_trade_volume_24h": accVolume24 = r.Decimal(); break;
                case "highest_52_week_price": high52 = r.Decimal(); break;
                case "highest_52_week_date": high52Date = r.String(); break;
                case "lowest_52_week_price": low52 = r.Decimal(); break;
                case "lowest_52_week_date": low52Date = r.String(); break;
                case "timestamp": timestamp = r.Int64(); break;
                default: r.Skip(); break;
            }
        }

        const string What = "ticker";
        return new Ticker
        {
            Code = code ?? throw r.Missing("market", What),
            OpeningPrice = open ?? throw r.Missing("opening_price", What),
            HighPrice = high ?? throw r.Missing("high_price", What),
            LowPrice = low ?? throw r.Missing("low_price", What),
            TradePrice = price ?? throw r.Missing("trade_price", What),
            PrevClosingPrice = prevClose ?? throw r.Missing("prev_closing_price", What),
            Change = change,
            ChangePrice = changePrice ?? throw r.Missing("change_price", What),
            SignedChangePrice = signedPrice ?? throw r.Missing("signed_change_price", What),
            ChangeRate = changeRate ?? throw r.Missing("change_rate", What),
            SignedChangeRate = signedRate ?? throw r.Missing("signed_change_rate", What),
            TradeVolume = volume ?? throw r.Missing("trade_volume", What),
            AccTradeVolume = accVolume ?? throw r.Missing("acc_trade_volume", What),
            AccTradeVolume24h = accVolume24 ?? throw r.Missing("acc_trade_volume_24h", What),
            AccTradePrice = accPrice ?? throw r.Missing("acc_trade_price", What),
            AccTradePrice24h = accPrice24 ?? throw r.Missing("acc_trade_price_24h", What),
            TradeDate = tradeDate ?? throw r.Missing("trade_date", What),
            TradeTime = tradeTime ?? throw r.Missing("trade_time", What),
            TradeTimestamp = tradeTimestamp ?? throw r.Missing("trade_timestamp", What),
            TradeDateKst = dateKst,
            TradeTimeKst = timeKst,
            AskBid = AskBid.Unknown,
            AccAskVolume = null,
            AccBidVolume = null,
            Highest52WeekPrice = high52 ?? throw r.Missing("highest_52_week_price", What),
            Highest52WeekDate = high52Date ?? throw r.Missing("highest_52_week_date", What),
            Lowest52WeekPrice = low52 ?? throw r.Missing("lowest_52_week_price", What),
            Lowest52WeekDate = low52Date ?? throw r.Missing("lowest_52_week_date", What),
            MarketState = MarketState.Unknown,
            IsTradingSuspended = null,
            DelistingDate = null,
            MarketWarning = null,
            Timestamp = timestamp ?? throw r.Missing("timestamp", What),
            StreamType = StreamType.Snapshot,
        };
    }

    public static Trade Trade(RestReader r)
    {
        string? code = null, date = null, time = null;
        decimal? price = null, volume = null, prevClose = null, changePrice = null;
        long? timestamp = null, sequentialId = null;
        var askBid = AskBid.Unknown;
        while (r.NextProperty(out var key))
        {
            switch (key)
            {
                case "market": code = r.String(); break;
                case "trade_date_utc": date = r.String(); break;
                case "trade_time_utc": time = r.String(); break;
                case "timestamp": timestamp = r.Int64(); break;
                case "trade_price": price = r.Decimal(); break;
                case "trade_volume": volume = r.Decimal(); break;
                case "prev_closing_price": prevClose = r.Decimal(); break;
                case "change_price": changePrice = r.Decimal(); break;
                case "ask_bid": askBid = WireEnums.ParseAskBid(r.String()); break;
                case "sequential_id": sequentialId = r.Int64(); break;
                default: r.Skip(); break;
            }
        }

        const string What = "trade";
        var at = timestamp ?? throw r.Missing("timestamp", What);
        return new Trade
        {
            Code = code ?? throw r.Missing("market", What),
            TradePrice = price ?? throw r.Missing("trade_price", What),
            TradeVolume = volume ?? throw r.Missing("trade_volume", What),
            AskBid = askBid,
            PrevClosingPrice = prevClose ?? throw r.Missing("prev_closing_price", What),
            Change = Change.Unknown,
            ChangePrice = changePrice ?? throw r.Missing("change_price", What),
            TradeDate = date ?? throw r.Missing("trade_date_utc", What),
            TradeTime = time ?? throw r.Missing("trade_time_utc", What),
            TradeTimestamp = at,
            Timestamp = at,
            SequentialId = sequentialId ?? throw r.Missing("sequential_id", What),
            BestAskPrice = null,
            BestAskSize = null,
            BestBidPrice = null,
            BestBidSize = null,
            StreamType = StreamType.Snapshot,
        };
    }
}
