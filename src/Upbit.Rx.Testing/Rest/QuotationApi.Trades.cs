using System.Globalization;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Rest;

internal sealed partial class QuotationApi
{
    private const int MaxTicks = 500;
    private static readonly string[] s_timeFormats = ["HHmmss", "HH:mm:ss"];

    /// <summary>
    /// <c>/v1/trades/ticks?market=&amp;to=&amp;count=&amp;cursor=&amp;days_ago=</c>: the same trades the socket served
    /// (same <c>sequential_id</c>), newest first. <c>days_ago</c> (1–7) picks the UTC day that many days back (without
    /// it, <c>to</c> applies to today); <c>to</c> (<c>HHmmss</c> or <c>HH:mm:ss</c>, UTC) keeps trades before that time
    /// of day; <c>cursor</c> keeps trades below that sequential id (pass the last id of a page to get the next).
    /// Both bounds are exclusive. Only trades the market still remembers are served
    /// (<see cref="MarketSimulatorOptions.TradeHistoryLimit"/>).
    /// </summary>
    private byte[] Ticks(QueryString query)
    {
        var code = ListedCode(query);
        var count = query.Count("count", 1, 1, MaxTicks);
        var cursor = query.Long("cursor");
        var daysAgo = query.Integer("days_ago");
        if (daysAgo is < 1 or > 7)
        {
            throw RestProblem.InvalidValue();
        }

        TimeSpan? to = query.Optional("to") is { } text
            ? DateTime.TryParseExact(text, s_timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time.TimeOfDay
                : throw RestProblem.InvalidValue()
            : null;
        var day = market.Now.UtcDateTime.Date.AddDays(-(daysAgo ?? 0));
        var dayOnly = daysAgo is not null || to is not null;
        bool Keep(Trade trade)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(trade.TradeTimestamp).UtcDateTime;
            return (!dayOnly || at.Date == day) && (to is null || at.TimeOfDay < to);
        }

        var trades = market.Read(code, pair => pair.History.Newest(count, cursor, Keep));
        return RestJson.Array(trades, (w, t) =>
        {
            RestJson.Text(w, "market", t.Code);
            RestJson.Text(w, "trade_date_utc", t.TradeDate);
            RestJson.Text(w, "trade_time_utc", t.TradeTime);
            RestJson.Integer(w, "timestamp", t.TradeTimestamp);
            RestJson.Number(w, "trade_price", t.TradePrice);
            RestJson.Number(w, "trade_volume", t.TradeVolume);
            RestJson.Number(w, "prev_closing_price", t.PrevClosingPrice);
            RestJson.Number(w, "change_price", t.ChangePrice);
            RestJson.Text(w, "ask_bid", RestEnums.ToWire(t.AskBid));
            RestJson.Integer(w, "sequential_id", t.SequentialId);
        });
    }
}
