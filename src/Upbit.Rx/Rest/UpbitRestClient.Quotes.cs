using System.Globalization;
using System.Text;
using Upbit.Rx.Rest;
using Upbit.Rx.Streams;

namespace Upbit.Rx;

/// <content>Markets, tickers, order books and order-book instruments.</content>
public sealed partial class UpbitRestClient
{
    /// <summary>Every listed pair (<c>GET /v1/market/all</c>, group <c>market</c>).</summary>
    /// <param name="isDetails">Also fetch each pair's warnings (<see cref="Market.Event"/>).</param>
    /// <param name="cancellationToken">Cancels the wait for pacing and the request.</param>
    /// <exception cref="UpbitException">Upbit answered with an error, or the body is malformed.</exception>
    public Task<IReadOnlyList<Market>> GetMarketsAsync(bool isDetails = false, CancellationToken cancellationToken = default) =>
        ListAsync(RestGroup.Market, "/v1/market/all", isDetails ? "is_details=true" : null, RestDecoder.Market, cancellationToken);

    /// <summary>The tickers of <paramref name="codes"/> (<c>GET /v1/ticker</c>, group <c>ticker</c>); see <see cref="Ticker"/> for the fields REST lacks.</summary>
    /// <exception cref="ArgumentException">No code is given, or a code is malformed.</exception>
    /// <exception cref="UpbitException">Upbit answered with an error (for example 404 for an unknown code), or the body is malformed.</exception>
    public Task<IReadOnlyList<Ticker>> GetTickersAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default) =>
        ListAsync(RestGroup.Ticker, "/v1/ticker", "markets=" + RestQuery.Codes(codes, nameof(codes)), RestDecoder.Ticker, cancellationToken);

    /// <summary>The tickers of every pair quoted in <paramref name="quoteCurrencies"/> such as <c>KRW</c> (<c>GET /v1/ticker/all</c>, group <c>ticker</c>).</summary>
    /// <exception cref="ArgumentException">No currency is given, or one is malformed.</exception>
    /// <exception cref="UpbitException">Upbit answered with an error, or the body is malformed.</exception>
    public Task<IReadOnlyList<Ticker>> GetAllTickersAsync(IEnumerable<string> quoteCurrencies, CancellationToken cancellationToken = default) =>
        ListAsync(RestGroup.Ticker, "/v1/ticker/all", "quote_currencies=" + RestQuery.Currencies(quoteCurrencies, nameof(quoteCurrencies)), RestDecoder.Ticker, cancellationToken);

    /// <summary>The order books of <paramref name="codes"/> (<c>GET /v1/orderbook</c>, group <c>orderbook</c>); padding units are dropped.</summary>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <param name="count">Levels per book, 1 to 30.</param>
    /// <param name="level">The price-grouping unit (KRW pairs only; 0 = tick size). Upbit answers an unsupported level with no books.</param>
    /// <param name="cancellationToken">Cancels the wait for pacing and the request.</param>
    /// <exception cref="ArgumentException">No code, a malformed code, <paramref name="count"/> outside 1–30, or a negative <paramref name="level"/>.</exception>
    /// <exception cref="UpbitException">Upbit answered with an error, or the body is malformed.</exception>
    public Task<IReadOnlyList<Orderbook>> GetOrderbooksAsync(IEnumerable<string> codes, int count = RestQuery.MaxOrderbookCount, decimal level = 0m, CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder().Add("markets", RestQuery.Codes(codes, nameof(codes)));
        RestQuery.Count(count, RestQuery.MaxOrderbookCount, nameof(count));
        ArgumentOutOfRangeException.ThrowIfNegative(level, nameof(level));
        if (count != RestQuery.MaxOrderbookCount)
        {
            query.Add("count", count.ToString(CultureInfo.InvariantCulture));
        }

        if (level != 0m)
        {
            query.Add("level", level.ToString(CultureInfo.InvariantCulture));
        }

        return ListAsync(RestGroup.Orderbook, "/v1/orderbook", query.ToString(), RestDecoder.Orderbook, cancellationToken);
    }

    /// <summary>Tick sizes and supported grouping levels of <paramref name="codes"/> (<c>GET /v1/orderbook/instruments</c>, group <c>orderbook</c>).</summary>
    /// <exception cref="ArgumentException">No code is given, or a code is malformed.</exception>
    /// <exception cref="UpbitException">Upbit answered with an error, or the body is malformed.</exception>
    public Task<IReadOnlyList<OrderbookInstrument>> GetOrderbookInstrumentsAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default) =>
        ListAsync(RestGroup.Orderbook, "/v1/orderbook/instruments", "markets=" + RestQuery.Codes(codes, nameof(codes)), RestDecoder.Instrument, cancellationToken);

    private async Task<IReadOnlyList<T>> ListAsync<T>(RestGroup group, string path, string? query, Func<RestReader, T> element, CancellationToken cancellationToken) =>
        await SendAsync(group, path, query, r => RestDecoder.List(r, element), cancellationToken).ConfigureAwait(false);
}
