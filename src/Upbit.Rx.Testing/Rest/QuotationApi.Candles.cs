using System.Globalization;
using Newtonsoft.Json;
using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Testing.Rest;

internal sealed partial class QuotationApi
{
    private const int MaxCandles = 200;

    private static readonly string[] s_toFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ssK",
    ];

    /// <summary>
    /// <c>/v1/candles/{period}?market=&amp;to=&amp;count=</c>: up to <c>count</c> (1–200, default 1) candles that start
    /// before <c>to</c> (ISO 8601; UTC unless it carries an offset; default: now, the forming candle included), newest
    /// first, built from the same trades as the socket's candles. Windows without trades have no candle. Days add
    /// <c>prev_closing_price</c>, <c>change_price</c>, <c>change_rate</c> and, with <c>converting_price_unit=KRW</c>,
    /// <c>converted_trade_price</c>; minutes add <c>unit</c>; weeks, months and years add <c>first_day_of_period</c>.
    /// </summary>
    private byte[] Candles(QueryString query, CandlePeriod period)
    {
        var code = ListedCode(query);
        var count = query.Count("count", 1, 1, MaxCandles);
        var to = query.Optional("to") is { } text ? ParseTo(text) : DateTime.MaxValue;
        var converting = query.Optional("converting_price_unit");
        if (converting is not null && (period.Kind != CandlePeriodKind.Days || converting != "KRW"))
        {
            throw RestProblem.InvalidValue();
        }

        var bars = market.Read(code, pair => pair.History.Candles(period).Before(to, count));
        var quote = TickSizes.Quote(code);
        var krwPair = "KRW-" + quote;
        return RestJson.Array(bars, (w, bar) =>
        {
            WriteBaseCandle(w, code, bar);
            switch (period.Kind)
            {
                case CandlePeriodKind.Minutes:
                    RestJson.Integer(w, "unit", period.Minutes);
                    break;
                case CandlePeriodKind.Days:
                    var change = bar.Close - bar.PrevClose;
                    RestJson.Number(w, "prev_closing_price", bar.PrevClose);
                    RestJson.Number(w, "change_price", change);
                    RestJson.Number(w, "change_rate", bar.PrevClose == 0m ? 0m : Math.Round(change / bar.PrevClose, 10));
                    if (converting is not null)
                    {
                        WriteConverted(w, bar, quote, krwPair);
                    }

                    break;
                case CandlePeriodKind.Weeks or CandlePeriodKind.Months or CandlePeriodKind.Years:
                    RestJson.Text(w, "first_day_of_period", bar.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                default:
                    break;
            }
        });
    }

    private static DateTime ParseTo(string text) =>
        DateTimeOffset.TryParseExact(text, s_toFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var to)
            ? to.UtcDateTime
            : throw RestProblem.InvalidValue();

    private static void WriteBaseCandle(JsonWriter w, string code, CandleBar bar)
    {
        RestJson.Text(w, "market", code);
        RestJson.Text(w, "candle_date_time_utc", bar.Start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        RestJson.Text(w, "candle_date_time_kst", bar.Start.AddHours(9).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        RestJson.Number(w, "opening_price", bar.Open);
        RestJson.Number(w, "high_price", bar.High);
        RestJson.Number(w, "low_price", bar.Low);
        RestJson.Number(w, "trade_price", bar.Close);
        RestJson.Integer(w, "timestamp", bar.Timestamp);
        RestJson.Number(w, "candle_acc_trade_price", bar.Value);
        RestJson.Number(w, "candle_acc_trade_volume", bar.Volume);
    }

    /// <summary>The close in KRW: itself on a KRW pair, else times the same day's close of <c>KRW-{quote}</c>; null
    /// when that pair is not listed or its day is no longer kept.</summary>
    private void WriteConverted(JsonWriter w, CandleBar bar, string quote, string krwPair)
    {
        decimal? converted = quote == "KRW" ? bar.Close
            : market.IsListed(krwPair) && market.Read(krwPair, p => p.History.Candles(new CandlePeriod(CandlePeriodKind.Days, 0)).At(bar.Start)) is { } krw
                ? bar.Close * krw.Close
                : null;
        w.WritePropertyName("converted_trade_price");
        if (converted is { } value)
        {
            w.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull();
        }
    }
}
