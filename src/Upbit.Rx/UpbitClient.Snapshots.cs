using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx;

public sealed partial class UpbitClient
{
    /// <summary>
    /// The current ticker of each code, in the order given, fetched with <c>is_only_snapshot</c> without disturbing
    /// any live stream. A code that is already live answers from the latest cached value without touching the wire.
    /// </summary>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Exactly one ticker per distinct requested code.</returns>
    /// <exception cref="ArgumentException">A code is invalid or none is given.</exception>
    /// <exception cref="TimeoutException">No answer for a code within <see cref="UpbitClientOptions.SnapshotTimeout"/> (Upbit ignores unknown codes silently).</exception>
    /// <exception cref="UpbitException">Upbit rejected the request.</exception>
    public Task<IReadOnlyList<Ticker>> GetTickersAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default) =>
        Snapshots<Ticker>(MarketCodes.Validate(codes, nameof(codes)).Select(StreamKey.Ticker), 0, cancellationToken);

    /// <summary>The latest trade of each code; see <see cref="GetTickersAsync"/>.</summary>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Exactly one trade per distinct requested code.</returns>
    /// <exception cref="ArgumentException">A code is invalid or none is given.</exception>
    /// <exception cref="TimeoutException">No answer for a code in time.</exception>
    public Task<IReadOnlyList<Trade>> GetTradesAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default) =>
        Snapshots<Trade>(MarketCodes.Validate(codes, nameof(codes)).Select(StreamKey.Trade), 0, cancellationToken);

    /// <summary>
    /// The current order book of each code, at most <paramref name="units"/> levels; see <see cref="GetTickersAsync"/>. A code
    /// already streaming at a smaller depth answers from that stream, so its book has at most the live depth.
    /// </summary>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <param name="units">Levels: 1, 5, 15 or 30.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Exactly one book per distinct requested code.</returns>
    /// <exception cref="ArgumentException">A code is invalid, none is given, or the unit count is not allowed.</exception>
    /// <exception cref="TimeoutException">No answer for a code in time.</exception>
    public Task<IReadOnlyList<Orderbook>> GetOrderbooksAsync(IEnumerable<string> codes, int units = 30, CancellationToken cancellationToken = default)
    {
        if (Array.IndexOf(OrderbookDepths, units) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, "Upbit serves order books of 1, 5, 15 or 30 units.");
        }

        return Snapshots<Orderbook>(MarketCodes.Validate(codes, nameof(codes)).Select(c => StreamKey.Orderbook(c, units)), units, cancellationToken);
    }

    /// <summary>The current candle of each code for one interval; see <see cref="GetTickersAsync"/>.</summary>
    /// <param name="interval">The candle period.</param>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Exactly one candle per distinct requested code.</returns>
    /// <exception cref="ArgumentException">A code is invalid or none is given.</exception>
    /// <exception cref="TimeoutException">No answer for a code in time.</exception>
    public Task<IReadOnlyList<Candle>> GetCandlesAsync(CandleInterval interval, IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(interval))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown candle interval.");
        }

        return Snapshots<Candle>(MarketCodes.Validate(codes, nameof(codes)).Select(c => StreamKey.Candle(c, interval)), 0, cancellationToken);
    }

    private async Task<IReadOnlyList<T>> Snapshots<T>(IEnumerable<StreamKey> keys, int units, CancellationToken cancellationToken)
        where T : UpbitMessage
    {
        ThrowIfDisposed();

        // NB: a call cancelled before it starts opens no connection and sends nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var fetches = keys.Select(k => _public.SnapshotAsync(k, cancellationToken)).ToArray();
        var results = await Task.WhenAll(fetches).ConfigureAwait(false);
        return [.. results.Select(m => (T)Trim(m, units))];
    }

    private static UpbitMessage Trim(UpbitMessage message, int units) =>
        units > 0 && message is Orderbook book && book.Units.Count > units ? book with { Units = [.. book.Units.Take(units)] } : message;
}
