using System.Globalization;
using System.Reactive.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Upbit.Rx.Rest;
using Upbit.Rx.Streams;

namespace Upbit.Rx;

/// <content>Candles: one page, and every candle of a time range across pages.</content>
public sealed partial class UpbitRestClient
{
    /// <summary>
    /// Up to <paramref name="count"/> candles ending before <paramref name="to"/>, newest first (<c>GET /v1/candles/…</c>,
    /// group <c>candles</c>). A candle exists only where trades happened, so series have gaps; second candles are served for
    /// the last three months only.
    /// </summary>
    /// <param name="code">The pair code, such as <c>KRW-BTC</c>.</param>
    /// <param name="interval">The period: seconds, minutes (1, 3, 5, 10, 15, 30, 60, 240), days, weeks, months or years.</param>
    /// <param name="count">Candles to fetch, 1 to 200 (Upbit's default is 1).</param>
    /// <param name="to">The exclusive end of the page, in whole seconds; <see langword="null"/> for now.</param>
    /// <param name="convertingPriceUnit">Day candles only: also give the close in this currency, e.g. <c>KRW</c> (<see cref="Candle.ConvertedTradePrice"/>).</param>
    /// <param name="cancellationToken">Cancels the wait for pacing and the request.</param>
    /// <exception cref="ArgumentException">A malformed code, an undefined interval, <paramref name="count"/> outside 1–200, a
    /// <paramref name="to"/> with a fraction of a second, or <paramref name="convertingPriceUnit"/> on anything but day candles.</exception>
    /// <exception cref="UpbitException">Upbit answered with an error, or the body is malformed.</exception>
    public Task<IReadOnlyList<Candle>> GetCandlesAsync(
        string code,
        CandleInterval interval,
        int count = 1,
        DateTimeOffset? to = null,
        string? convertingPriceUnit = null,
        CancellationToken cancellationToken = default)
    {
        var path = RestQuery.CandlePath(interval, nameof(interval));
        var query = new StringBuilder().Add("market", RestQuery.Code(code, nameof(code)));
        RestQuery.Count(count, RestQuery.MaxCandleCount, nameof(count));
        query.Add("count", count.ToString(CultureInfo.InvariantCulture));
        if (to is { } end)
        {
            query.Add("to", RestQuery.CandleTo(end, nameof(to)));
        }

        if (convertingPriceUnit is not null)
        {
            if (interval != CandleInterval.OneDay)
            {
                throw new ArgumentException("Only day candles take a converting price unit.", nameof(convertingPriceUnit));
            }

            query.Add("converting_price_unit", RestQuery.Currencies([convertingPriceUnit], nameof(convertingPriceUnit)));
        }

        return ListAsync(RestGroup.Candles, path, query.ToString(), r => RestDecoder.Candle(r, interval), cancellationToken);
    }

    /// <summary>
    /// Every candle of <paramref name="interval"/> that starts in [<paramref name="from"/>, <paramref name="to"/>), newest
    /// first, fetched in pages of 200 as the sequence is read (each page paced like any call).
    /// </summary>
    /// <param name="code">The pair code.</param>
    /// <param name="interval">The period.</param>
    /// <param name="from">The inclusive start of the range.</param>
    /// <param name="to">The exclusive end of the range.</param>
    /// <param name="progress">Told after each page how far the call has got; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Ends the sequence with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException">A malformed code, an undefined interval, or <paramref name="from"/> not before <paramref name="to"/> (thrown at the call).</exception>
    public IAsyncEnumerable<Candle> EnumerateCandlesAsync(
        string code,
        CandleInterval interval,
        DateTimeOffset from,
        DateTimeOffset to,
        IProgress<UpbitPagingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ValidateCandleRange(code, interval, from, to);
        return PageCandlesAsync(code, interval, from, to, progress, cancellationToken);
    }

    /// <summary>
    /// <see cref="EnumerateCandlesAsync"/> as a cold observable: each subscription pages the range again; disposing the
    /// subscription cancels the page in flight. Values arrive on the thread that completed the request; errors end the sequence.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="EnumerateCandlesAsync"/>, at the call.</exception>
    public IObservable<Candle> CandleHistory(string code, CandleInterval interval, DateTimeOffset from, DateTimeOffset to, IProgress<UpbitPagingProgress>? progress = null)
    {
        ValidateCandleRange(code, interval, from, to);
        return Observable.Create<Candle>(async (observer, cancellationToken) =>
        {
            await foreach (var candle in PageCandlesAsync(code, interval, from, to, progress, cancellationToken).ConfigureAwait(false))
            {
                observer.OnNext(candle);
            }

            observer.OnCompleted();
        });
    }

    private static void ValidateCandleRange(string code, CandleInterval interval, DateTimeOffset from, DateTimeOffset to)
    {
        RestQuery.Code(code, nameof(code));
        RestQuery.CandlePath(interval, nameof(interval));
        if (from >= to)
        {
            throw new ArgumentException("The range start must be before its end.", nameof(from));
        }
    }

    private async IAsyncEnumerable<Candle> PageCandlesAsync(
        string code,
        CandleInterval interval,
        DateTimeOffset from,
        DateTimeOffset to,
        IProgress<UpbitPagingProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // NB: Upbit's `to` is exclusive and whole seconds; rounding the end up and filtering keeps the range exact.
        var pageEnd = new DateTimeOffset(to.UtcTicks + ((TimeSpan.TicksPerSecond - (to.UtcTicks % TimeSpan.TicksPerSecond)) % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var (pages, items) = (0, 0);
        while (true)
        {
            var page = await GetCandlesAsync(code, interval, RestQuery.MaxCandleCount, pageEnd, null, cancellationToken).ConfigureAwait(false);
            pages++;
            DateTimeOffset? oldest = null;
            foreach (var candle in page)
            {
                var start = candle.StartsAt ?? throw new UpbitException(UpbitClientCondition.MalformedResponse, $"GET {RestQuery.CandlePath(interval, nameof(interval))} returned a candle start \"{candle.CandleDateTimeUtc}\" that is not yyyy-MM-ddTHH:mm:ss.");
                oldest = oldest is null || start < oldest ? start : oldest;
                if (start >= from && start < to)
                {
                    items++;
                    yield return candle;
                }
            }

            progress?.Report(new UpbitPagingProgress(pages, items, oldest));
            if (page.Count < RestQuery.MaxCandleCount || oldest is not { } reached || reached <= from)
            {
                yield break;
            }

            if (reached >= pageEnd)
            {
                throw new UpbitException(UpbitClientCondition.PagingStalled, $"GET {RestQuery.CandlePath(interval, nameof(interval))} returned no candle older than {pageEnd:u}; paging stopped instead of looping.");
            }

            pageEnd = reached;
        }
    }
}
