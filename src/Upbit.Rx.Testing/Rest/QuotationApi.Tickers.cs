using System.Globalization;
using Newtonsoft.Json;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Testing.Rest;

internal sealed partial class QuotationApi
{
    private static readonly TimeSpan s_kst = TimeSpan.FromHours(9);

    /// <summary><c>/v1/ticker?markets=…</c>: the same tickers the socket serves, in the order asked.</summary>
    private byte[] Tickers(QueryString query)
    {
        var codes = Listed(query.RequiredList("markets"));
        return RestJson.Array(codes.Select(c => market.Ticker(c)).ToList(), WriteTicker);
    }

    /// <summary><c>/v1/ticker/all?quote_currencies=…</c>: every listed pair quoted in one of the currencies, in listing
    /// order (a currency with no listed pair adds nothing).</summary>
    private byte[] AllTickers(QueryString query)
    {
        var quotes = query.RequiredList("quote_currencies");
        var codes = market.Codes.Where(c => quotes.Contains(TickSizes.Quote(c), StringComparer.Ordinal));
        return RestJson.Array(codes.Select(c => market.Ticker(c)).ToList(), WriteTicker);
    }

    /// <summary>The REST ticker: the socket ticker's values under REST names and order, plus KST date and time.</summary>
    private static void WriteTicker(JsonWriter w, Ticker t)
    {
        var kst = DateTimeOffset.FromUnixTimeMilliseconds(t.TradeTimestamp).UtcDateTime + s_kst;
        RestJson.Text(w, "market", t.Code);
        RestJson.Text(w, "trade_date", t.TradeDate);
        RestJson.Text(w, "trade_time", t.TradeTime);
        RestJson.Text(w, "trade_date_kst", kst.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        RestJson.Text(w, "trade_time_kst", kst.ToString("HHmmss", CultureInfo.InvariantCulture));
        RestJson.Integer(w, "trade_timestamp", t.TradeTimestamp);
        RestJson.Number(w, "opening_price", t.OpeningPrice);
        RestJson.Number(w, "high_price", t.HighPrice);
        RestJson.Number(w, "low_price", t.LowPrice);
        RestJson.Number(w, "trade_price", t.TradePrice);
        RestJson.Number(w, "prev_closing_price", t.PrevClosingPrice);
        RestJson.Text(w, "change", RestEnums.ToWire(t.Change));
        RestJson.Number(w, "change_price", t.ChangePrice);
        RestJson.Number(w, "change_rate", t.ChangeRate);
        RestJson.Number(w, "signed_change_price", t.SignedChangePrice);
        RestJson.Number(w, "signed_change_rate", t.SignedChangeRate);
        RestJson.Number(w, "trade_volume", t.TradeVolume);
        RestJson.Number(w, "acc_trade_price", t.AccTradePrice);
        RestJson.Number(w, "acc_trade_price_24h", t.AccTradePrice24h);
        RestJson.Number(w, "acc_trade_volume", t.AccTradeVolume);
        RestJson.Number(w, "acc_trade_volume_24h", t.AccTradeVolume24h);
        RestJson.Number(w, "highest_52_week_price", t.Highest52WeekPrice);
        RestJson.Text(w, "highest_52_week_date", t.Highest52WeekDate);
        RestJson.Number(w, "lowest_52_week_price", t.Lowest52WeekPrice);
        RestJson.Text(w, "lowest_52_week_date", t.Lowest52WeekDate);
        RestJson.Integer(w, "timestamp", t.Timestamp);
    }
}
