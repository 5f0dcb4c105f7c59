using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Benchmarks;

/// <summary>
/// The baseline the decoder is measured against: the whole frame parsed into a JObject, then the same fields read
/// by name into the same records. NB: loaded with decimal float handling and no date parsing (JObject.Parse's
/// defaults would read prices as double and lose digits), so both sides produce identical, exact records.
/// </summary>
internal static class JObjectBaseline
{
    public static JObject Parse(byte[] frame)
    {
        using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(frame)))
        {
            FloatParseHandling = FloatParseHandling.Decimal,
            DateParseHandling = DateParseHandling.None,
        };
        return JObject.Load(reader);
    }

    public static Ticker Ticker(JObject o) => new()
    {
        Code = (string)o["code"]!,
        OpeningPrice = (decimal)o["opening_price"]!,
        HighPrice = (decimal)o["high_price"]!,
        LowPrice = (decimal)o["low_price"]!,
        TradePrice = (decimal)o["trade_price"]!,
        PrevClosingPrice = (decimal)o["prev_closing_price"]!,
        Change = ParseChange((string?)o["change"]),
        ChangePrice = (decimal)o["change_price"]!,
        SignedChangePrice = (decimal)o["signed_change_price"]!,
        ChangeRate = (decimal)o["change_rate"]!,
        SignedChangeRate = (decimal)o["signed_change_rate"]!,
        TradeVolume = (decimal)o["trade_volume"]!,
        AccTradeVolume = (decimal)o["acc_trade_volume"]!,
        AccTradeVolume24h = (decimal)o["acc_trade_volume_24h"]!,
        AccTradePrice = (decimal)o["acc_trade_price"]!,
        AccTradePrice24h = (decimal)o["acc_trade_price_24h"]!,
        TradeDate = (string)o["trade_date"]!,
        TradeTime = (string)o["trade_time"]!,
        TradeTimestamp = (long)o["trade_timestamp"]!,
        AskBid = (string?)o["ask_bid"] == "ASK" ? AskBid.Ask : AskBid.Bid,
        AccAskVolume = (decimal)o["acc_ask_volume"]!,
        AccBidVolume = (decimal)o["acc_bid_volume"]!,
        Highest52WeekPrice = (decimal)o["highest_52_week_price"]!,
        Highest52WeekDate = (string)o["highest_52_week_date"]!,
        Lowest52WeekPrice = (decimal)o["lowest_52_week_price"]!,
        Lowest52WeekDate = (string)o["lowest_52_week_date"]!,
        MarketState = (string?)o["market_state"] == "ACTIVE" ? MarketState.Active : MarketState.Unknown,
        IsTradingSuspended = (bool?)o["is_trading_suspended"],
        DelistingDate = (string?)o["delisting_date"],
        MarketWarning = (string?)o["market_warning"] == "NONE" ? MarketWarning.None : MarketWarning.Caution,
        Timestamp = (long)o["timestamp"]!,
        StreamType = (string?)o["stream_type"] == "SNAPSHOT" ? StreamType.Snapshot : StreamType.Realtime,
    };

    public static Orderbook Orderbook(JObject o)
    {
        var units = new List<OrderbookUnit>(30);
        foreach (var u in (JArray)o["orderbook_units"]!)
        {
            var unit = new OrderbookUnit
            {
                AskPrice = (decimal)u["ask_price"]!,
                BidPrice = (decimal)u["bid_price"]!,
                AskSize = (decimal)u["ask_size"]!,
                BidSize = (decimal)u["bid_size"]!,
            };
            if (!unit.IsPadding)
            {
                units.Add(unit);
            }
        }

        return new Orderbook
        {
            Code = (string)o["code"]!,
            TotalAskSize = (decimal)o["total_ask_size"]!,
            TotalBidSize = (decimal)o["total_bid_size"]!,
            Units = [.. units],
            Level = (decimal?)o["level"],
            Timestamp = (long)o["timestamp"]!,
            StreamType = (string?)o["stream_type"] == "SNAPSHOT" ? StreamType.Snapshot : StreamType.Realtime,
        };
    }

    private static Change ParseChange(string? text) => text switch
    {
        "RISE" => Change.Rise,
        "EVEN" => Change.Even,
        "FALL" => Change.Fall,
        _ => Change.Unknown,
    };
}
