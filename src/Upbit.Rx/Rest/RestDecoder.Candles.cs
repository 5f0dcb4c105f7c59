using Upbit.Rx.Streams;

namespace Upbit.Rx.Rest;

/// <content>Candles: the base fields, plus the day and period extras.</content>
internal static partial class RestDecoder
{
    /// <summary>Reads one candle of <paramref name="interval"/> (the response names only minute units, so the request's
    /// interval is the record's).</summary>
    public static Candle Candle(RestReader r, CandleInterval interval)
    {
        string? code = null, utc = null, kst = null, firstDay = null;
        decimal? open = null, high = null, low = null, price = null, accPrice = null, accVolume = null;
        decimal? prevClose = null, changePrice = null, changeRate = null, converted = null;
        long? timestamp = null;
        while (r.NextProperty(out var key))
        {
            switch (key)
            {
                case "market": code = r.String(); break;
                case "candle_date_time_utc": utc = r.String(); break;
                case "candle_date_time_kst": kst = r.String(); break;
                case "opening_price": open = r.Decimal(); break;
                case "high_price": high = r.Decimal(); break;
                case "low_price": low = r.Decimal(); break;
                case "trade_price": price = r.Decimal(); break;
                case "timestamp": timestamp = r.Int64(); break;
                case "candle_acc_trade_price": accPrice = r.Decimal(); break;
                case "candle_acc_trade_volume": accVolume = r.Decimal(); break;
                case "prev_closing_price": prevClose = r.Decimal(); break;
                case "change_price": changePrice = r.Decimal(); break;
                case "change_rate": changeRate = r.Decimal(); break;
                case "converted_trade_price": converted = r.Decimal(); break;
                case "first_day_of_period": firstDay = r.String(); break;
                default: r.Skip(); break;
            }
        }

        const string What = "candle";
        return new Candle
        {
            Code = code ?? throw r.Missing("market", What),
            Interval = interval,
            CandleDateTimeUtc = utc ?? throw r.Missing("candle_date_time_utc", What),
            CandleDateTimeKst = kst ?? throw r.Missing("candle_date_time_kst", What),
            OpeningPrice = open ?? throw r.Missing("opening_price", What),
            HighPrice = high ?? throw r.Missing("high_price", What),
            LowPrice = low ?? throw r.Missing("low_price", What),
            TradePrice = price ?? throw r.Missing("trade_price", What),
            CandleAccTradeVolume = accVolume ?? throw r.Missing("candle_acc_trade_volume", What),
            CandleAccTradePrice = accPrice ?? throw r.Missing("candle_acc_trade_price", What),
            Timestamp = timestamp ?? throw r.Missing("timestamp", What),
            StreamType = StreamType.Snapshot,
            PrevClosingPrice = prevClose,
            ChangePrice = changePrice,
            ChangeRate = changeRate,
            ConvertedTradePrice = converted,
            FirstDayOfPeriod = firstDay,
        };
    }
}
