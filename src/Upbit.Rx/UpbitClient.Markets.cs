using System.Reactive.Disposables;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx;

/// <content>The market list and the check of stream codes against it.</content>
public sealed partial class UpbitClient
{
    private readonly MarketDirectory _markets;

    /// <summary>
    /// The market list (<c>GET /v1/market/all</c>). Hot with replay: a new subscriber gets the latest list at once when
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
        new(c => _rest.GetMarketsAsync(cancellationToken: c), options.Scheduler, options.MarketsRefreshInterval, _signals);

    /// <summary>
    /// Starts a public stream with its codes checked: with a cached list, unknown codes are dropped at once (all unknown:
    /// the stream fails); without one, the stream starts with every code and is checked when the list arrives. A list
    /// that cannot be fetched leaves the stream unchecked.
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
            if (unknown.Count == keys.Select(k => k.Code).Distinct().Count())
            {
                observer.OnError(new UnknownMarketCodeException(unknown, []));
                return Disposable.Empty;
            }

            ReportUnknown(unknown);
            return start(observer, [.. keys.Where(k => known.Contains(k.Code))]);
        }

        var subscription = start(observer, keys);
        _ = CheckLater(subscription, keys);
        return subscription;
    }

    private async Task CheckLater<T>(StreamSubscription<T> subscription, IReadOnlyList<StreamKey> keys)
        where T : UpbitMessage
    {
        if (await _markets.SettledCodesAsync().ConfigureAwait(false) is not { } known)
        {
            return;
        }

        var unknown = Unknown(keys, known);
        if (unknown.Count == keys.Select(k => k.Code).Distinct().Count())
        {
            // NB: no lock held here; Fail releases the keys, then tells the observer.
            subscription.Fail(new UnknownMarketCodeException(unknown, []));
        }
        else
        {
            // NB: the unknown codes stay in this subscription's lease (Upbit sends nothing for them) until it is disposed.
            ReportUnknown(unknown);
        }
    }

    private void ReportUnknown(List<string> unknown)
    {
        if (unknown.Count > 0)
        {
            var error = new UnknownMarketCodeException(unknown, []);
            _signals.Error(new UpbitError(UpbitErrorKind.UnknownCode, PublicName, error.ServerMessage + " The known codes of the call go on streaming.", error));
        }
    }

    private static List<string> Unknown(IReadOnlyList<StreamKey> keys, IReadOnlySet<string> known) =>
        [.. keys.Select(k => k.Code).Distinct(StringComparer.Ordinal).Where(c => !known.Contains(c))];
}
