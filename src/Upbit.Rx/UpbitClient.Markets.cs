using System.Reactive.Disposables;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx;

/// <content>The market list and the check of stream codes against it.</content>
public sealed partial class UpbitClient
{
    private readonly MarketDirectory _markets;

    /// <summary>
    /// The market list with each pair's warnings (<c>GET /v1/market/all?is_details=true</c>). Hot with replay: a new subscriber gets the latest list at once when
    /// there is one, and every list fetched later. Subscribing loads the list if it is missing or older than
    /// <see cref="UpbitClientOptions.MarketsRefreshInterval"/>, and keeps refreshing it on that interval (on
    /// <see cref="UpbitClientOptions.Scheduler"/>) while anyone is subscribed. A failed fetch is reported on
    /// <see cref="Errors"/> (<see cref="UpbitErrorKind.MarketListUnavailable"/>) and never errors this stream; it
    /// completes when the client is disposed.
    /// </summary>
    public IObservable<IReadOnlyList<Market>> Markets => _markets.Changes;

    /// <summary>The market list, from the cache while it is younger than <see cref="UpbitClientOptions.MarketsRefreshInterval"/>,
    /// otherwise fetched (concurrent callers share one request).</summary>
    /// <param name="cancellationToken">Cancels the wait (not the shared fetch).</param>
    /// <returns>Every listed pair. When a refresh fails but an older list exists, the older list.</returns>
    /// <exception cref="UpbitException">Upbit answered with an error and no list was ever fetched.</exception>
    /// <exception cref="HttpRequestException">The server cannot be reached and no list was ever fetched.</exception>
    public Task<IReadOnlyList<Market>> GetMarketsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _markets.GetAsync(cancellationToken);
    }

    private MarketDirectory CreateMarkets(UpbitClientOptions options) =>
        new(c => _rest.GetMarketsAsync(isDetails: true, c), options.Scheduler, options.MarketsRefreshInterval, _signals);

    /// <summary>
    /// Starts a public stream with its codes checked. With a list cached, a stream naming any unlisted code fails inside
    /// Subscribe and sends nothing; without one, the stream starts at once and fails when the list arrives (first fetch
    /// on the client) if a code is unlisted. A list that cannot be fetched leaves the stream unchecked (reported on
    /// <see cref="Errors"/> as <see cref="UpbitErrorKind.MarketListUnavailable"/>).
    /// </summary>
    private IDisposable StartChecked<T>(IObserver<T> observer, IReadOnlyList<StreamKey> keys, Func<IObserver<T>, IReadOnlyList<StreamKey>, StreamSubscription<T>> start)
        where T : UpbitMessage
    {
        if (!_options.ValidateCodes || keys.Count == 0 || keys[0].IsPrivate)
        {
            return start(observer, keys);
        }

        if (_markets.KnownCodes() is { } known)
        {
            var unknown = Unknown(keys, known);
            if (unknown.Count > 0)
            {
                // NB: not under any lock; Observable.Create delivers it and the stream never touched the registry.
                observer.OnError(new UnknownMarketCodeException(unknown, []));
                return Disposable.Empty;
            }

            return start(observer, keys);
        }

        var subscription = start(observer, keys);
        _ = CheckLater(subscription, keys);
        return subscription;
    }

    private async Task CheckLater<T>(StreamSubscription<T> subscription, IReadOnlyList<StreamKey> keys)
        where T : UpbitMessage
    {
        if (await _markets.SettledCodesAsync().ConfigureAwait(false) is { } known && Unknown(keys, known) is { Count: > 0 } unknown)
        {
            // NB: no lock held here; Fail releases the keys, then tells the observer (unless it was disposed meanwhile).
            subscription.Fail(new UnknownMarketCodeException(unknown, []));
        }
    }

    private static List<string> Unknown(IReadOnlyList<StreamKey> keys, IReadOnlySet<string> known) =>
        [.. keys.Select(k => k.Code).Distinct(StringComparer.Ordinal).Where(c => !known.Contains(c))];
}
