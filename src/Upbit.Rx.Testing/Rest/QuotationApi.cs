using System.Collections.Concurrent;
using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Testing.Rest;

/// <summary>
/// Upbit's REST quotation endpoints served from the <see cref="MarketSimulator"/>: each path has its rate-limit group
/// (the names Upbit's <c>Remaining-Req</c> header shows) and a handler that validates the query as Upbit does and
/// writes the body. Handlers throw <see cref="RestProblem"/> for requests Upbit rejects. Thread-safe.
/// </summary>
internal sealed partial class QuotationApi(MarketSimulator market)
{
    private readonly ConcurrentDictionary<string, MarketEventState> _events = new(StringComparer.Ordinal);

    /// <summary>Finds the group and handler of <paramref name="path"/>; false for a path Upbit does not serve.</summary>
    public bool TryRoute(string path, out string group, out Func<QueryString, byte[]> handler)
    {
        (group, handler) = path switch
        {
            _ when path.StartsWith("/v1/candles/minutes/", StringComparison.Ordinal) =>
                ("candles", q => Candles(q, MinutePeriod(path["/v1/candles/minutes/".Length..]))),
            "/v1/market/all" => ("market", (Func<QueryString, byte[]>)Markets),
            "/v1/ticker" => ("ticker", Tickers),
            "/v1/ticker/all" => ("ticker", AllTickers),
            "/v1/orderbook" => ("orderbook", Orderbooks),
            "/v1/orderbook/instruments" => ("orderbook", Instruments),
            "/v1/trades/ticks" => ("crix-trades", Ticks),
            "/v1/candles/seconds" => ("candles", q => Candles(q, new CandlePeriod(CandlePeriodKind.Seconds, 0))),
            "/v1/candles/days" => ("candles", q => Candles(q, new CandlePeriod(CandlePeriodKind.Days, 0))),
            "/v1/candles/weeks" => ("candles", q => Candles(q, new CandlePeriod(CandlePeriodKind.Weeks, 0))),
            "/v1/candles/months" => ("candles", q => Candles(q, new CandlePeriod(CandlePeriodKind.Months, 0))),
            "/v1/candles/years" => ("candles", q => Candles(q, new CandlePeriod(CandlePeriodKind.Years, 0))),
            _ => (string.Empty, null!),
        };
        return handler is not null;
    }

    /// <summary>Sets what <c>/v1/market/all?is_details=true</c> reports for a code.</summary>
    public void SetMarketEvent(string code, MarketEventState state) => _events[code] = state;

    private static CandlePeriod MinutePeriod(string unit) =>
        int.TryParse(unit, out var minutes) && CandlePeriod.MinuteUnits.Contains(minutes)
            ? new CandlePeriod(CandlePeriodKind.Minutes, minutes)
            : throw RestProblem.InvalidValue();

    /// <summary>The codes of a <c>markets</c>-style list; any code not listed is Upbit's 404 <c>Code not found</c>.</summary>
    private IReadOnlyList<string> Listed(IReadOnlyList<string> codes) =>
        codes.All(market.IsListed) ? codes : throw RestProblem.CodeNotFound();

    private string ListedCode(QueryString query)
    {
        var code = query.Required("market");
        return market.IsListed(code) ? code : throw RestProblem.CodeNotFound();
    }
}
