using System.Globalization;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Connection;

/// <content>Paging REST trade ticks back to the last trade seen.</content>
internal sealed partial class TradeBackfill
{
    private const int PageSize = 500;
    private const int MaxDaysAgo = 7;

    /// <summary>
    /// Fetches the trades of <paramref name="code"/> after <paramref name="last"/>, newest first by <c>cursor</c>, moving to
    /// the previous UTC day (<c>days_ago</c>) when a day runs out, until a page reaches <paramref name="last"/> (its id, or a
    /// trade older than it). Returns them oldest first, with a gap report when they do not reach back that far; returns
    /// <see langword="null"/> when the client was disposed.
    /// </summary>
    /// <param name="code">The pair code.</param>
    /// <param name="last">The last trade the subscribers saw.</param>
    /// <param name="first">The first live trade held after the reconnect: where an unfilled gap ends when nothing was fetched.</param>
    /// <param name="cancellationToken">The timeout's and the disposal's token.</param>
    private async Task<Fill?> FillAsync(string code, Trade last, Trade first, CancellationToken cancellationToken)
    {
        var found = new List<Trade>();
        var ids = new HashSet<long>();
        var today = _scheduler.Now.UtcDateTime.Date;
        var lastDay = last.TradedAt.UtcDateTime.Date;
        long? cursor = null;
        var daysAgo = 0;
        string? shortfall = null;
        Exception? failure = null;
        try
        {
            while (true)
            {
                // NB: true: the fill runs under the client's SchedulerSynchronizationContext and pages on from there.
                var page = await _rest.GetTradesAsync(code, PageSize, cursor, daysAgo == 0 ? null : daysAgo, cancellationToken: cancellationToken).ConfigureAwait(true);
                var reached = false;
                foreach (var trade in page)
                {
                    // NB: sequential_id is unique but, per Upbit, not ordered; the trade time bounds the walk as well.
                    if (trade.SequentialId == last.SequentialId || trade.TradeTimestamp < last.TradeTimestamp)
                    {
                        reached = true;
                        break;
                    }

                    if (ids.Add(trade.SequentialId))
                    {
                        // NB: marked Rest, not the REST decoder's Snapshot, so a subscriber can tell a late trade from the
                        // socket's own snapshot (the last trade at request time).
                        found.Add(trade with { StreamType = StreamType.Rest });
                    }
                }

                if (found.Count > _options.BackfillLimit || (found.Count == _options.BackfillLimit && !reached))
                {
                    found.RemoveRange(_options.BackfillLimit, found.Count - _options.BackfillLimit);
                    shortfall = string.Create(CultureInfo.InvariantCulture, $"more than {_options.BackfillLimit} trades were missed (UpbitClientOptions.BackfillLimit)");
                    break;
                }

                if (reached)
                {
                    break;
                }

                if (page.Count == PageSize && page[^1].SequentialId != cursor)
                {
                    cursor = page[^1].SequentialId;
                    continue;
                }

                if (today.AddDays(-daysAgo) > lastDay && daysAgo < MaxDaysAgo)
                {
                    daysAgo++;
                    cursor = null;
                    continue;
                }

                shortfall = "Upbit no longer serves the older trades";
                break;
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException ex)
        {
            shortfall = string.Create(CultureInfo.InvariantCulture, $"the backfill did not finish within {_options.BackfillTimeout.TotalSeconds:0.###} s (UpbitClientOptions.BackfillTimeout)");
            failure = ex;
        }
        catch (Exception ex)
        {
            shortfall = "the REST backfill failed: " + ex.Message;
            failure = ex;
        }

        found.Reverse();

        // NB: the hole ends at the oldest trade fetched (the first held when nothing was). Held trades older than that go
        // out first and so may lie inside it (WithOlderHeldFirst): whether they run unbroken up to the fetched ones cannot
        // be told (a drop not yet followed by a reconnect leaves no mark), and a wider hole never leaves out a lost trade.
        var gap = shortfall is null ? null : new UpbitTradeGapException(code, last, found.Count > 0 ? found[0] : first, shortfall, failure);
        return new Fill(found, gap);
    }

    /// <summary>What one backfill fetched (oldest first) and the gap it could not fill, if any.</summary>
    private sealed record Fill(List<Trade> Trades, UpbitTradeGapException? Gap);
}
