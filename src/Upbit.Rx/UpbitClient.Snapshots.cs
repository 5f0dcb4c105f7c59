using System.Collections.Immutable;
using Upbit.Rx.Connection;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx;

/// <content>Snapshot calls: one current value per code, from the fastest source that has it.</content>
public sealed partial class UpbitClient
{
    private readonly CancellationTokenSource _closing = new();

    /// <summary>
    /// The current ticker of each code, in the order given, without disturbing any live stream. The source is the fastest
    /// that has the value: a code live on the open connection answers from the latest cached value; other codes ride the
    /// open connection as <c>is_only_snapshot</c>; while the connection is not open, one REST request answers them all
    /// (REST tickers lack the fields <see cref="UpbitRestClient.GetTickersAsync"/> names), so no connection is opened
    /// just for a snapshot and an unreachable server fails the call with its connection error.
    /// </summary>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Exactly one ticker per distinct requested code.</returns>
    /// <exception cref="ArgumentException">A code is invalid or none is given.</exception>
    /// <exception cref="UnknownMarketCodeException">A code is not listed (checked unless <see cref="UpbitClientOptions.ValidateCodes"/>
    /// is off); the known codes' tickers are in <see cref="UnknownMarketCodeException.KnownResults"/>.</exception>
    /// <exception cref="HttpRequestException">The connection is not open and the server cannot be reached.</exception>
    /// <exception cref="TimeoutException">The open connection sent no value for a code within <see cref="UpbitClientOptions.SnapshotTimeout"/>.</exception>
    /// <exception cref="UpbitException">Upbit rejected the request.</exception>
    public Task<IReadOnlyList<Ticker>> GetTickersAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default) =>
        Snapshots(MarketCodes.Validate(codes, nameof(codes)), StreamKey.Ticker, 0, (c, t) => _rest.GetTickersAsync(c, t), cancellationToken);

    /// <summary>The latest trade of each code; sources and failures as <see cref="GetTickersAsync"/> (REST: one request per code).</summary>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Exactly one trade per distinct requested code.</returns>
    /// <exception cref="ArgumentException">A code is invalid or none is given.</exception>
    /// <exception cref="UnknownMarketCodeException">A code is not listed; the known codes' trades are in the exception.</exception>
    /// <exception cref="HttpRequestException">The connection is not open and the server cannot be reached.</exception>
    /// <exception cref="TimeoutException">The open connection sent no value for a code in time.</exception>
    public Task<IReadOnlyList<Trade>> GetTradesAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default) =>
        Snapshots(MarketCodes.Validate(codes, nameof(codes)), StreamKey.Trade, 0, (c, t) => PerCode(c, code => _rest.GetTradesAsync(code, 1, cancellationToken: t)), cancellationToken);

    /// <summary>
    /// The current order book of each code, at most <paramref name="units"/> levels; sources and failures as
    /// <see cref="GetTickersAsync"/>. A code already streaming at a smaller depth answers from that stream, so its book
    /// has at most the live depth.
    /// </summary>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <param name="units">Levels: 1, 5, 15 or 30.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Exactly one book per distinct requested code.</returns>
    /// <exception cref="ArgumentException">A code is invalid, none is given, or the unit count is not allowed.</exception>
    /// <exception cref="UnknownMarketCodeException">A code is not listed; the known codes' books are in the exception.</exception>
    /// <exception cref="HttpRequestException">The connection is not open and the server cannot be reached.</exception>
    /// <exception cref="TimeoutException">The open connection sent no value for a code in time.</exception>
    public Task<IReadOnlyList<Orderbook>> GetOrderbooksAsync(IEnumerable<string> codes, int units = 30, CancellationToken cancellationToken = default)
    {
        if (Array.IndexOf(OrderbookDepths, units) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, "Upbit serves order books of 1, 5, 15 or 30 units.");
        }

        return Snapshots(MarketCodes.Validate(codes, nameof(codes)), c => StreamKey.Orderbook(c, units), units, (c, t) => _rest.GetOrderbooksAsync(c, units, cancellationToken: t), cancellationToken);
    }

    /// <summary>The current candle of each code for one interval; sources and failures as <see cref="GetTickersAsync"/> (REST: one request per code).</summary>
    /// <param name="interval">The candle period.</param>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Exactly one candle per distinct requested code.</returns>
    /// <exception cref="ArgumentException">A code is invalid or none is given.</exception>
    /// <exception cref="UnknownMarketCodeException">A code is not listed; the known codes' candles are in the exception.</exception>
    /// <exception cref="HttpRequestException">The connection is not open and the server cannot be reached.</exception>
    /// <exception cref="TimeoutException">The open connection sent no value for a code in time.</exception>
    public Task<IReadOnlyList<Candle>> GetCandlesAsync(CandleInterval interval, IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(interval))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown candle interval.");
        }

        return Snapshots(MarketCodes.Validate(codes, nameof(codes)), c => StreamKey.Candle(c, interval), 0, (c, t) => PerCode(c, code => _rest.GetCandlesAsync(code, interval, 1, cancellationToken: t)), cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> PerCode<T>(IReadOnlyList<string> codes, Func<string, Task<IReadOnlyList<T>>> fetch)
    {
        var answers = await Task.WhenAll(codes.Select(fetch)).ConfigureAwait(false);
        return [.. answers.SelectMany(a => a.Take(1))];
    }

    /// <summary>
    /// One snapshot call. NB: the call's own continuations run inline wherever its waits end (the receive loop, a
    /// scheduler action, a <c>Cancel</c>), so under a TestScheduler it ends, linger armed, inside the advance that
    /// delivers its last answer; the caller's continuations are queued, never run on the receive loop.
    /// </summary>
    private Task<IReadOnlyList<T>> Snapshots<T>(
        IReadOnlyList<string> codes,
        Func<string, StreamKey> key,
        int units,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<T>>> rest,
        CancellationToken cancellationToken)
        where T : UpbitMessage, IMarketMessage =>
        Continuations.Queued(Call(codes, key, units, rest, cancellationToken));

    private async Task<IReadOnlyList<T>> Call<T>(
        IReadOnlyList<string> codes,
        Func<string, StreamKey> key,
        int units,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<T>>> rest,
        CancellationToken cancellationToken)
        where T : UpbitMessage, IMarketMessage
    {
        ThrowIfDisposed();

        // NB: a call cancelled before it starts opens no connection and sends nothing.
        cancellationToken.ThrowIfCancellationRequested();
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        try
        {
            return await Checked(codes, key, units, rest, call.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ObjectDisposedException && Volatile.Read(ref _disposed) == 1 && !cancellationToken.IsCancellationRequested)
        {
            // NB: Dispose cancels the call wherever it waits (market list, REST, socket); the contract names the cause.
            throw new ObjectDisposedException("The client was disposed before the snapshot arrived.", ex);
        }
    }

    private async Task<IReadOnlyList<T>> Checked<T>(
        IReadOnlyList<string> codes,
        Func<string, StreamKey> key,
        int units,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<T>>> rest,
        CancellationToken cancellationToken)
        where T : UpbitMessage, IMarketMessage
    {
        IReadOnlyList<string> unknown = [];
        if (_options.ValidateCodes && await _markets.CodesAsync(cancellationToken).ConfigureAwait(false) is { } listed)
        {
            unknown = [.. codes.Where(c => !listed.Contains(c))];
        }

        var known = unknown.Count == 0 ? codes : [.. codes.Except(unknown, StringComparer.Ordinal)];
        IReadOnlyList<T> results = known.Count == 0 ? [] : await Fetch(known, key, units, rest, cancellationToken).ConfigureAwait(false);
        if (unknown.Count > 0)
        {
            throw new UnknownMarketCodeException(unknown, results);
        }

        return results;
    }

    private async Task<IReadOnlyList<T>> Fetch<T>(
        IReadOnlyList<string> codes,
        Func<string, StreamKey> key,
        int units,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<T>>> rest,
        CancellationToken cancellationToken)
        where T : UpbitMessage, IMarketMessage
    {
        if (_public.IsOpen)
        {
            var fetches = codes.Select(c => _public.SnapshotAsync(key(c), cancellationToken)).ToArray();
            var answers = await Task.WhenAll(fetches).ConfigureAwait(false);
            return [.. answers.Select(m => (T)Trim(m, units))];
        }

        // NB: the connection is not open (idle, connecting or retrying): REST answers in one round trip, where a
        // connect would cost a handshake and then a request under the socket's pacing; and a server that cannot be
        // reached fails here with its own error at once.
        var byCode = (await rest(codes, cancellationToken).ConfigureAwait(false)).ToDictionary(m => m.Code, StringComparer.Ordinal);
        var missing = codes.Where(c => !byCode.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new UpbitException(UpbitClientCondition.MissingSnapshot, $"Upbit's REST answer had no value for {string.Join(", ", missing)}.");
        }

        return [.. codes.Select(c => (T)Trim(byCode[c], units))];
    }

    private static UpbitMessage Trim(UpbitMessage message, int units) =>
        units > 0 && message is Orderbook book && book.Units.Length > units ? book with { Units = ImmutableArray.Create(book.Units, 0, units) } : message;
}
