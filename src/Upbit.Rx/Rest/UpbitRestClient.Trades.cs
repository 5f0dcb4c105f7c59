using System.Globalization;
using System.Reactive.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Upbit.Rx.Rest;
using Upbit.Rx.Streams;

namespace Upbit.Rx;

/// <content>Trades: one page, and every trade of a time range across pages.</content>
public sealed partial class UpbitRestClient
{
    private const string TradesPath = "/v1/trades/ticks";

    /// <summary>
    /// Up to <paramref name="count"/> recent trades of one pair, newest first (<c>GET /v1/trades/ticks</c>, group
    /// <c>trades</c>, which Upbit's header calls <c>crix-trades</c>). See <see cref="Trade"/> for the fields REST lacks.
    /// </summary>
    /// <param name="code">The pair code, such as <c>KRW-BTC</c>.</param>
    /// <param name="count">Trades to fetch, 1 to 500 (Upbit's default is 1).</param>
    /// <param name="cursor">Page on from this <see cref="Trade.SequentialId"/>: only older trades are returned.</param>
    /// <param name="daysAgo">Read the UTC day this many days back, 1 to 7; <see langword="null"/> for today.</param>
    /// <param name="to">The exclusive end of the page as a UTC time of day, in whole seconds; <see langword="null"/> for the latest.</param>
    /// <param name="cancellationToken">Cancels the wait for pacing and the request.</param>
    /// <exception cref="ArgumentException">A malformed code, <paramref name="count"/> outside 1–500, <paramref name="daysAgo"/>
    /// outside 1–7, or a <paramref name="to"/> with a fraction of a second.</exception>
    /// <exception cref="UpbitException">Upbit answered with an error, or the body is malformed.</exception>
    public Task<IReadOnlyList<Trade>> GetTradesAsync(
        string code,
        int count = 1,
        long? cursor = null,
        int? daysAgo = null,
        TimeOnly? to = null,
        CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder().Add("market", RestQuery.Code(code, nameof(code)));
        RestQuery.Count(count, RestQuery.MaxTradeCount, nameof(count));
        query.Add("count", count.ToString(CultureInfo.InvariantCulture));
        if (to is { } end)
        {
            query.Add("to", RestQuery.TradeTo(end, nameof(to)));
        }

        if (cursor is { } id)
        {
            query.Add("cursor", id.ToString(CultureInfo.InvariantCulture));
        }

        if (daysAgo is { } days)
        {
            if (days is < 1 or > RestQuery.MaxDaysAgo)
            {
                throw new ArgumentOutOfRangeException(nameof(daysAgo), days, "Upbit serves trades 1 to 7 days back.");
            }

            query.Add("days_ago", days.ToString(CultureInfo.InvariantCulture));
        }

        return ListAsync(RestGroup.Trades, TradesPath, query.ToString(), RestDecoder.Trade, cancellationToken);
    }

    /// <summary>
    /// Every trade of one pair in [<paramref name="from"/>, <paramref name="to"/>), newest first, fetched in pages of 500 by
    /// <c>cursor</c>, a UTC day at a time (<c>days_ago</c>), as the sequence is read; each page is paced like any call.
    /// Upbit keeps trades for today and the seven days before, by UTC date.
    /// </summary>
    /// <param name="code">The pair code.</param>
    /// <param name="from">The inclusive start of the range; its UTC date must be at most seven days before today's (by the scheduler's clock).</param>
    /// <param name="to">The exclusive end of the range; <see langword="null"/> for now.</param>
    /// <param name="progress">Told after each page how far the call has got; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Ends the sequence with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException">A malformed code, <paramref name="from"/> not before <paramref name="to"/>, or a range
    /// older than Upbit keeps (thrown at the call).</exception>
    public IAsyncEnumerable<Trade> EnumerateTradesAsync(
        string code,
        DateTimeOffset from,
        DateTimeOffset? to = null,
        IProgress<UpbitPagingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var end = ValidateTradeRange(code, from, to);
        return PageTradesAsync(code, from, end, progress, cancellationToken);
    }

    /// <summary>
    /// <see cref="EnumerateTradesAsync"/> as a cold observable: each subscription pages the range again (a <see langword="null"/>
    /// <paramref name="to"/> means the time of subscribing); disposing the subscription cancels the page in flight.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="EnumerateTradesAsync"/>, at the call.</exception>
    public IObservable<Trade> TradeHistory(string code, DateTimeOffset from, DateTimeOffset? to = null, IProgress<UpbitPagingProgress>? progress = null)
    {
        ValidateTradeRange(code, from, to);
        return Observable.Create<Trade>(async (observer, cancellationToken) =>
        {
            await foreach (var trade in PageTradesAsync(code, from, ValidateTradeRange(code, from, to), progress, cancellationToken).ConfigureAwait(false))
            {
                observer.OnNext(trade);
            }

            observer.OnCompleted();
        });
    }

    private DateTimeOffset ValidateTradeRange(string code, DateTimeOffset from, DateTimeOffset? to)
    {
        RestQuery.Code(code, nameof(code));
        var now = _scheduler.Now;
        var end = to is { } t && t < now ? t : now;
        if (from >= end)
        {
            throw new ArgumentException("The range start must be before its end (and before now).", nameof(from));
        }

        if ((now.UtcDateTime.Date - from.UtcDateTime.Date).Days > RestQuery.MaxDaysAgo)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "Upbit serves trades of today and the 7 days before (UTC dates) only.");
        }

        return end;
    }

    private async IAsyncEnumerable<Trade> PageTradesAsync(
        string code,
        DateTimeOffset from,
        DateTimeOffset end,
        IProgress<UpbitPagingProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = _scheduler.Now.UtcDateTime.Date;
        var (fromMs, endMs) = (from.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds());
        var daysAgo = (today - end.UtcDateTime.Date).Days;
        // NB: Upbit's `to` is a whole-second time of day; rounding up and filtering keeps the range exact.
        var timeOfDay = end.UtcDateTime.TimeOfDay.Ticks;
        var roundedUp = (timeOfDay + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        TimeOnly? dayEnd = (daysAgo == 0 && end >= _scheduler.Now) || roundedUp >= TimeSpan.TicksPerDay ? null : new TimeOnly(roundedUp);
        long? cursor = null;
        var seen = new HashSet<long>();
        var (pages, items) = (0, 0);
        while (daysAgo <= RestQuery.MaxDaysAgo)
        {
            var page = await GetTradesAsync(code, RestQuery.MaxTradeCount, cursor, daysAgo == 0 ? null : daysAgo, cursor is null ? dayEnd : null, cancellationToken).ConfigureAwait(false);
            pages++;
            long? oldest = null;
            var fresh = new HashSet<long>();
            foreach (var trade in page)
            {
                oldest = oldest is null || trade.TradeTimestamp < oldest ? trade.TradeTimestamp : oldest;
                if (fresh.Add(trade.SequentialId) && !seen.Contains(trade.SequentialId) && trade.TradeTimestamp >= fromMs && trade.TradeTimestamp < endMs)
                {
                    items++;
                    yield return trade;
                }
            }

            progress?.Report(new UpbitPagingProgress(pages, items, oldest is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null));
            if (oldest < fromMs)
            {
                yield break;
            }

            var next = page.Count > 0 ? page[^1].SequentialId : (long?)null;
            if (page.Count < RestQuery.MaxTradeCount || next is null || next == cursor)
            {
                // NB: this UTC day is exhausted; the previous one is read from its end, unless it lies before the range.
                daysAgo++;
                cursor = null;
                dayEnd = null;
                if (today.AddDays(1 - daysAgo) <= from.UtcDateTime)
                {
                    yield break;
                }

                continue;
            }

            cursor = next;
            seen = fresh;
        }
    }
}
