using System.Reactive.Linq;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx;

public sealed partial class UpbitClient
{
    private static readonly int[] OrderbookDepths = [1, 5, 15, 30];

    /// <summary>
    /// Live tickers of the given codes. Cold: nothing is sent until subscribed; each subscription adds the codes to
    /// the shared union and disposing removes them (other subscribers of the same codes are unaffected). The first
    /// value of each code is Upbit's snapshot, or the latest cached ticker when the code is already live. Errors only
    /// with an <see cref="UpbitException"/> when Upbit rejects the stream; never completes on its own.
    /// </summary>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>: upper case, QUOTE-BASE.</param>
    /// <exception cref="ArgumentException">A code is null, blank, lower-case or malformed, or none is given.</exception>
    public IObservable<Ticker> Ticker(params IEnumerable<string> codes) =>
        Stream<Ticker>(MarketCodes.Validate(codes, nameof(codes)).Select(StreamKey.Ticker));

    /// <summary>Live trades of the given codes; the contract is that of <see cref="Ticker"/>. Trades seen once are never repeated.</summary>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <exception cref="ArgumentException">A code is null, blank, lower-case or malformed, or none is given.</exception>
    public IObservable<Trade> Trade(params IEnumerable<string> codes) =>
        Stream<Trade>(MarketCodes.Validate(codes, nameof(codes)).Select(StreamKey.Trade));

    /// <summary>Live 30-level order books of the given codes; the contract is that of <see cref="Ticker"/>. Each value is a whole book.</summary>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <exception cref="ArgumentException">A code is null, blank, lower-case or malformed, or none is given.</exception>
    public IObservable<Orderbook> Orderbook(params IEnumerable<string> codes) => Orderbook(30, 0m, codes);

    /// <summary>
    /// Live order books with a chosen depth and price grouping; the contract is that of <see cref="Ticker"/>. All depths of
    /// one code and level share one wire stream at the largest depth wanted; each subscriber gets books trimmed to its
    /// depth. A subscriber that asks for more depth than the code is live at may see the shallower books (and the cached
    /// one) until the wider request takes effect, typically within one request interval.
    /// </summary>
    /// <param name="units">Levels per book: 1, 5, 15 or 30.</param>
    /// <param name="level">Price-grouping unit (KRW pairs only; 0 = tick size). Upbit sends nothing for an unsupported level.</param>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <exception cref="ArgumentException">A code is invalid, none is given, or <paramref name="units"/> or <paramref name="level"/> is not allowed.</exception>
    public IObservable<Orderbook> Orderbook(int units, decimal level, params IEnumerable<string> codes)
    {
        if (Array.IndexOf(OrderbookDepths, units) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, "Upbit serves order books of 1, 5, 15 or 30 units.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(level);
        return Stream<Orderbook>(MarketCodes.Validate(codes, nameof(codes)).Select(c => StreamKey.Orderbook(c, units, level)));
    }

    /// <summary>
    /// Live candles of one interval. Upbit pushes a candle at most once a second and only when a trade changed it; the
    /// same candle start arrives many times and the last one is current. Contract otherwise that of <see cref="Ticker"/>.
    /// </summary>
    /// <param name="interval">The candle period.</param>
    /// <param name="codes">Pair codes such as <c>KRW-BTC</c>.</param>
    /// <exception cref="ArgumentException">A code is invalid, none is given, or the interval is undefined or REST only
    /// (<see cref="CandleInterval.OneDay"/> and longer).</exception>
    public IObservable<Candle> Candle(CandleInterval interval, params IEnumerable<string> codes)
    {
        if (!Enum.IsDefined(interval) || interval > CandleInterval.TwoHundredFortyMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "Not a streamed candle interval (days and longer are served by UpbitRestClient only).");
        }

        return Stream<Candle>(MarketCodes.Validate(codes, nameof(codes)).Select(c => StreamKey.Candle(c, interval)));
    }

    /// <summary>
    /// Your order and fill events on the private connection (needs <see cref="UpbitClientOptions.Credentials"/>).
    /// With no codes, every market. Errors with an <see cref="UpbitException"/> named <c>INVALID_AUTH</c> when Upbit
    /// rejects the key. Contract otherwise that of <see cref="Ticker"/>, except that there is no snapshot.
    /// </summary>
    /// <param name="codes">Pair codes, or none for all markets.</param>
    /// <exception cref="ArgumentException">A code is invalid.</exception>
    /// <exception cref="InvalidOperationException">No credentials were configured.</exception>
    public IObservable<MyOrder> MyOrder(params IEnumerable<string> codes)
    {
        RequireCredentials();
        var list = codes as IReadOnlyCollection<string> ?? [.. codes];
        var keys = list.Count == 0 ? [StreamKey.MyOrder()] : MarketCodes.Validate(list, nameof(codes)).Select(StreamKey.MyOrder);
        return Stream<MyOrder>(keys);
    }

    /// <summary>Your balance changes on the private connection (needs <see cref="UpbitClientOptions.Credentials"/>); see <see cref="MyOrder"/>.</summary>
    /// <exception cref="InvalidOperationException">No credentials were configured.</exception>
    public IObservable<MyAsset> MyAsset()
    {
        RequireCredentials();
        return Stream<MyAsset>([StreamKey.MyAsset()]);
    }

    /// <summary>
    /// Upbit's notices as they are published or edited, on the private connection (needs
    /// <see cref="UpbitClientOptions.Credentials"/>), without bodies. Contract that of <see cref="Announcement(bool, IEnumerable{string})"/>.
    /// </summary>
    /// <param name="categories">Categories such as <c>trade</c> or <c>maintenance</c>, or none for all.</param>
    /// <exception cref="ArgumentException">A category is not one Upbit knows.</exception>
    /// <exception cref="InvalidOperationException">No credentials were configured.</exception>
    public IObservable<Announcement> Announcement(params IEnumerable<string> categories) => Announcement(false, categories);

    /// <summary>
    /// Upbit's notices as they are published (<see cref="AnnouncementEventType.Created"/>) or edited
    /// (<see cref="AnnouncementEventType.Updated"/>), on the private connection (needs
    /// <see cref="UpbitClientOptions.Credentials"/>). Cold and ref-counted like <see cref="Ticker"/>: subscribing adds
    /// the categories to the shared union (one <c>announcement</c> type object carrying every subscriber's categories;
    /// none at all when anyone wants every category) and disposing removes them. Upbit sends no snapshot, so the first
    /// value is the next notice, or the latest notice already delivered on the same categories. A notice seen once is not
    /// repeated (same uuid, event type and <c>listed_at</c>); an edit is delivered again. Errors with an
    /// <see cref="UpbitException"/> (<c>INVALID_AUTH</c>) when Upbit rejects the key; never completes on its own.
    /// </summary>
    /// <param name="includeBody">Whether to ask for the Markdown body (<c>include_body</c>). Upbit may still send
    /// <see langword="null"/> for a large one. Without it, <see cref="Streams.Announcement.Body"/> is always null,
    /// even when another subscriber asked for bodies.</param>
    /// <param name="categories">Categories (<c>notice</c>, <c>trade</c>, <c>wallet</c>, <c>maintenance</c>,
    /// <c>digital_asset</c>, <c>nft</c>, <c>service</c>, <c>event</c>), or none for all.</param>
    /// <exception cref="ArgumentException">A category is not one Upbit knows (checked here, because Upbit would reject
    /// the whole type object and with it every other subscriber's notices).</exception>
    /// <exception cref="InvalidOperationException">No credentials were configured.</exception>
    public IObservable<Announcement> Announcement(bool includeBody, params IEnumerable<string> categories)
    {
        RequireCredentials();
        var list = AnnouncementCategories.Validate(categories, nameof(categories));
        var keys = list.Count == 0 ? [StreamKey.Announcement(includeBody: includeBody)] : list.Select(c => StreamKey.Announcement(c, includeBody));
        return Stream<Announcement>(keys);
    }

    private void RequireCredentials()
    {
        if (_options.Credentials is null)
        {
            throw new InvalidOperationException("Private streams need UpbitClientOptions.Credentials (an access key and a secret key).");
        }
    }

    private IObservable<T> Stream<T>(IEnumerable<StreamKey> keys)
        where T : UpbitMessage
    {
        IReadOnlyList<StreamKey> list = [.. keys];
        return Observable.Create<T>(observer =>
        {
            ThrowIfDisposed();
            var endpoint = list.Count > 0 && list[0].IsPrivate ? PrivateName : PublicName;
            return StartChecked(observer, list, (o, checkedKeys) =>
            {
                var subscription = new StreamSubscription<T>(o, error => ReportSubscriberFault(endpoint, error));
                subscription.Start(_router, _registry, checkedKeys);
                return subscription;
            });
        });
    }

    private void ReportSubscriberFault(string endpoint, Exception error) =>
        _signals.Error(new UpbitError(UpbitErrorKind.SubscriberFault, endpoint, $"a subscriber threw and was detached: {error.GetType().Name}: {error.Message}", error));
}
