using Newtonsoft.Json;
using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Testing.Rest;

internal sealed partial class QuotationApi
{
    /// <summary><c>/v1/market/all</c>: every listed pair; with <c>is_details=true</c> also its <c>market_event</c>.</summary>
    private byte[] Markets(QueryString query)
    {
        var details = query.Boolean("is_details");
        return RestJson.Array(market.Codes, (w, code) =>
        {
            var (korean, english) = MarketNames.Of(code);
            RestJson.Text(w, "market", code);
            RestJson.Text(w, "korean_name", korean);
            RestJson.Text(w, "english_name", english);
            if (details)
            {
                WriteMarketEvent(w, _events.GetValueOrDefault(code, MarketEventState.None));
            }
        });
    }

    /// <summary><c>/v1/orderbook/instruments</c>: tick size and supported grouping levels, as strings.</summary>
    private byte[] Instruments(QueryString query)
    {
        var codes = Listed(query.RequiredList("markets"));
        var rows = codes.Select(c => (Code: c, Tick: market.TickSize(c), Levels: market.SupportedLevels(c))).ToList();
        return RestJson.Array(rows, (w, row) =>
        {
            RestJson.Text(w, "market", row.Code);
            RestJson.Text(w, "quote_currency", TickSizes.Quote(row.Code));
            RestJson.Text(w, "tick_size", RestJson.Plain(row.Tick));
            w.WritePropertyName("supported_levels");
            w.WriteStartArray();
            foreach (var level in row.Levels)
            {
                w.WriteValue(RestJson.Plain(level));
            }

            w.WriteEndArray();
        });
    }

    private static void WriteMarketEvent(JsonWriter w, MarketEventState state)
    {
        w.WritePropertyName("market_event");
        w.WriteStartObject();
        RestJson.Boolean(w, "warning", state.Warning);
        w.WritePropertyName("caution");
        w.WriteStartObject();
        foreach (var name in MarketEventState.CautionNames)
        {
            RestJson.Boolean(w, name, state.Cautions.Contains(name));
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
