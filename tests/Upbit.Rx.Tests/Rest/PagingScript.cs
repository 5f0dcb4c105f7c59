using System.Globalization;
using System.Text;
using System.Web;

namespace Upbit.Rx.Tests.Rest;

/// <summary>
/// Answers candle and trade pages the way Upbit documents them, from a fixed series: candles newest first before an
/// exclusive <c>to</c>; trades of one UTC day (<c>days_ago</c>) before <c>to</c> (time of day) or <c>cursor</c> (id).
/// </summary>
internal static class PagingScript
{
    public static HttpResponseMessage Candles(HttpRequestMessage request, IReadOnlyList<DateTimeOffset> starts)
    {
        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var count = int.Parse(query["count"]!, CultureInfo.InvariantCulture);
        var to = query["to"] is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : DateTimeOffset.MaxValue;
        var page = starts.Where(s => s < to).OrderByDescending(s => s).Take(count);
        return ScriptedHttpHandler.Json("[" + string.Join(',', page.Select(Candle)) + "]");
    }

    public static HttpResponseMessage Trades(HttpRequestMessage request, IReadOnlyList<DateTimeOffset> times, DateTimeOffset now)
    {
        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var count = int.Parse(query["count"]!, CultureInfo.InvariantCulture);
        var day = now.UtcDateTime.Date.AddDays(-(query["days_ago"] is { } d ? int.Parse(d, CultureInfo.InvariantCulture) : 0));
        var to = query["to"] is { } t ? TimeOnly.ParseExact(t, "HHmmss", CultureInfo.InvariantCulture).ToTimeSpan() : TimeSpan.FromDays(1);
        var cursor = query["cursor"] is { } c ? long.Parse(c, CultureInfo.InvariantCulture) : long.MaxValue;
        var page = times
            .Where(x => x.UtcDateTime.Date == day && x.UtcDateTime.TimeOfDay < to && Id(x) < cursor)
            .OrderByDescending(x => x)
            .Take(count);
        return ScriptedHttpHandler.Json("[" + string.Join(',', page.Select(Trade)) + "]");
    }

    public static long Id(DateTimeOffset time) => time.ToUnixTimeMilliseconds() * 10_000;

    public static List<DateTimeOffset> Every(DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        var list = new List<DateTimeOffset>();
        for (var t = from; t < to; t += step)
        {
            list.Add(t);
        }

        return list;
    }

    private static string Candle(DateTimeOffset start) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"market":"KRW-BTC","candle_date_time_utc":"{{start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}}","candle_date_time_kst":"{{start.UtcDateTime.AddHours(9):yyyy-MM-dd'T'HH:mm:ss}}","opening_price":1.0,"high_price":2.0,"low_price":0.5,"trade_price":1.5,"timestamp":{{start.ToUnixTimeMilliseconds() + 59_000}},"candle_acc_trade_price":10.0,"candle_acc_trade_volume":5.0,"unit":1}""");

    private static string Trade(DateTimeOffset time) => new StringBuilder().Append(CultureInfo.InvariantCulture,
        $$"""{"market":"KRW-BTC","trade_date_utc":"{{time.UtcDateTime:yyyy-MM-dd}}","trade_time_utc":"{{time.UtcDateTime:HH:mm:ss}}","timestamp":{{time.ToUnixTimeMilliseconds()}},"trade_price":100.0,"trade_volume":0.5,"prev_closing_price":99.0,"change_price":1.0,"ask_bid":"BID","sequential_id":{{Id(time)}}}""").ToString();
}
