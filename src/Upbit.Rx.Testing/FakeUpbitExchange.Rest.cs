using Upbit.Rx.Testing.Hosting;
using Upbit.Rx.Testing.Rest;

namespace Upbit.Rx.Testing;

/// <summary>
/// The REST quotation API (<c>/v1/market/all</c>, <c>/v1/ticker</c>, <c>/v1/ticker/all</c>, <c>/v1/orderbook</c>,
/// <c>/v1/orderbook/instruments</c>, <c>/v1/trades/ticks</c>, <c>/v1/candles/…</c>), served from the same
/// <see cref="Market"/> as the socket: a trade has the same <c>sequential_id</c> on both, and tickers, books and
/// candles agree. Limits (<c>Remaining-Req</c>, 429, 418) and faults as <see cref="FakeExchangeOptions"/> and
/// <see cref="InjectRestFault"/> say.
/// </summary>
public sealed partial class FakeUpbitExchange
{
    /// <summary>The REST base address of the in-memory exchange (the <see cref="PublicEndpoint"/>'s host over
    /// <c>https</c>). In memory it only fills <see cref="HttpClient.BaseAddress"/>: nothing ever resolves it.</summary>
    public static Uri RestEndpoint { get; } = new("https://fake-upbit.invalid/");

    /// <summary>Every REST request received so far (the last <see cref="FakeExchangeOptions.RestLogLimit"/>), in
    /// arrival order, with its status (a copy).</summary>
    public IReadOnlyList<RestRequestRecord> RestRequests => Rest.Log;

    /// <summary>Hot: each REST request's record as it is answered, on the thread that sent it.</summary>
    public IObservable<RestRequestRecord> RestRequestReceived => Rest.Received;

    internal RestService Rest { get; }

    /// <summary>Creates a handler that serves this exchange's REST API in memory on
    /// <see cref="FakeExchangeOptions.Scheduler"/> (see <see cref="FakeExchangeOptions.RestLatency"/> for when answers
    /// complete). Put it under any <see cref="HttpClient"/>, or behind other handlers.</summary>
    /// <returns>A handler the caller (or its <see cref="HttpClient"/>) disposes.</returns>
    public HttpMessageHandler CreateHttpHandler() => new InMemoryRestHandler(Rest, Options.Scheduler);

    /// <summary>Creates an <see cref="HttpClient"/> over <see cref="CreateHttpHandler"/> with
    /// <see cref="HttpClient.BaseAddress"/> <see cref="RestEndpoint"/>.</summary>
    /// <returns>A client the caller disposes.</returns>
    public HttpClient CreateHttpClient() => new(CreateHttpHandler()) { BaseAddress = RestEndpoint };

    /// <summary>Makes the next <paramref name="count"/> REST requests (those whose path starts with
    /// <paramref name="pathPrefix"/>, or all) meet <paramref name="fault"/>. Faults apply in the order injected.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public void InjectRestFault(RestFault fault, int count = 1, string? pathPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Rest.Inject(fault, count, pathPrefix);
    }

    /// <summary>Removes every REST fault not yet used.</summary>
    public void ClearRestFaults() => Rest.ClearFaults();

    /// <summary>Sets the <c>market_event</c> that <c>/v1/market/all?is_details=true</c> reports for a listed code.</summary>
    /// <param name="code">A listed code.</param>
    /// <param name="warning">The investment-warning flag (<c>market_event.warning</c>).</param>
    /// <param name="cautions">The caution kinds that are set: <c>PRICE_FLUCTUATIONS</c>, <c>TRADING_VOLUME_SOARING</c>,
    /// <c>DEPOSIT_AMOUNT_SOARING</c>, <c>GLOBAL_PRICE_DIFFERENCES</c>, <c>CONCENTRATION_OF_SMALL_ACCOUNTS</c>.</param>
    /// <exception cref="ArgumentException">The code is not listed, or a caution is not one of those kinds.</exception>
    public void SetMarketEvent(string code, bool warning, params IReadOnlyCollection<string> cautions)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(cautions);
        if (!Market.IsListed(code))
        {
            throw new ArgumentException($"'{code}' is not listed.", nameof(code));
        }

        if (cautions.FirstOrDefault(c => !MarketEventState.CautionNames.Contains(c)) is { } bad)
        {
            throw new ArgumentException($"'{bad}' is not a caution kind.", nameof(cautions));
        }

        Rest.Api.SetMarketEvent(code, new MarketEventState(warning, new HashSet<string>(cautions, StringComparer.Ordinal)));
    }
}
