using System.Reactive.Concurrency;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Connection;

/// <summary>
/// Fills the trades a public connection missed while it was down. Every live trade passes through <see cref="OnLive"/>,
/// which remembers the last one per code. After a reconnect (<see cref="Reconnected"/>) the first live trade of a code
/// that is not the last one seen starts a backfill: REST trade ticks are paged back to the last seen
/// <c>sequential_id</c> while that code's live trades are held; then the missed trades are published in trade order,
/// followed by the held ones that were not delivered already, so each subscriber sees every trade once.
/// </summary>
/// <remarks>
/// NB: the REST work runs as an async flow on the client's scheduler, never on the receive thread; a code's trades are
/// published by one thread at a time (the receive thread while the code is not busy, the backfill's flow while it is),
/// so their order holds; nothing is published under the gate. Disposal cancels every flow and waits for none.
/// Repeats a backfill causes are dropped here, by id, however many there are, and counted as duplicates dropped: the
/// held trades REST returned too (every live trade that happened before REST answered); what an earlier backfill of
/// the code delivered and the next one, after another reconnect, fetches again; and live trades REST returned before
/// the socket delivered them (kept in <see cref="TradeBackfillState.Delivered"/> until the socket is past them). The
/// feed's own identity filter remembers only the last <see cref="Subscriptions.Duplicates.RememberedTrades"/> ids of a
/// code, which such an overlap outgrows at once: it starts at its oldest trade, already out of that filter's reach.
/// When a backfill stops short (<see cref="UpbitClientOptions.BackfillLimit"/>, the timeout) of the first trade held, the
/// held trades older than the oldest fetched one go out before the fetched ones (<see cref="WithOlderHeldFirst"/>).
/// </remarks>
internal sealed partial class TradeBackfill : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TradeBackfillState> _states = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();
    private readonly UpbitRestClient _rest;
    private readonly UpbitClientOptions _options;
    private readonly IScheduler _scheduler;
    private readonly ClientSignals _signals;
    private readonly Action<UpbitMessage> _publish;
    private readonly Action<Trade> _droppedRepeat;
    private readonly SchedulerSynchronizationContext _context;
    private readonly string _endpoint;
    private long _backfilled;
    private long _gaps;
    private bool _disposing;

    /// <param name="endpoint">The connection's name, for errors.</param>
    /// <param name="rest">Where the missed trades are fetched.</param>
    /// <param name="options">The client's options (scheduler, limit, timeout).</param>
    /// <param name="signals">Where gaps are reported.</param>
    /// <param name="publish">Routes one trade to its subscribers.</param>
    /// <param name="droppedRepeat">Counts one live or fetched trade dropped because a backfill delivered it already.</param>
    public TradeBackfill(string endpoint, UpbitRestClient rest, UpbitClientOptions options, ClientSignals signals, Action<UpbitMessage> publish, Action<Trade> droppedRepeat)
    {
        _endpoint = endpoint;
        _rest = rest;
        _options = options;
        _scheduler = options.Scheduler;
        _signals = signals;
        _publish = publish;
        _droppedRepeat = droppedRepeat;
        _context = new SchedulerSynchronizationContext(_scheduler);
    }

    /// <summary>Trades fetched from REST and handed to the router (ones subscribers already saw are dropped there).</summary>
    public long TradesBackfilled => Interlocked.Read(ref _backfilled);

    /// <summary>Gaps reported as <see cref="UpbitErrorKind.TradeGap"/>.</summary>
    public long Gaps => Interlocked.Read(ref _gaps);

    /// <summary>Routes one live trade: publishes it now, or holds it while its code is being backfilled.</summary>
    public void OnLive(Trade trade)
    {
        TradeBackfillState? start = null;
        var repeat = false;
        lock (_gate)
        {
            if (!_states.TryGetValue(trade.Code, out var state))
            {
                state = new TradeBackfillState(trade.Code);
                _states.Add(trade.Code, state);
            }

            if (state.Busy)
            {
                state.Held.Add(trade);
                return;
            }

            if (state.Armed && state.LastSeen is { } last && last.SequentialId != trade.SequentialId)
            {
                state.Armed = false;
                state.Busy = true;
                state.Held.Add(trade);
                start = state;
            }
            else if (IsRepeat(state, trade))
            {
                state.Armed = false;
                repeat = true;
            }
            else
            {
                state.Armed = false;
                state.LastSeen = trade;
            }
        }

        if (start is not null)
        {
            Start(start, null);
        }
        else if (repeat)
        {
            _droppedRepeat(trade);
        }
        else
        {
            _publish(trade);
        }
    }

    /// <summary>
    /// The connection was re-established and will subscribe <paramref name="tradeCodes"/>: arms those codes and forgets the
    /// others (a code subscribed again later starts afresh from its snapshot). Call before the new connection's frames.
    /// </summary>
    public void Reconnected(IReadOnlySet<string> tradeCodes)
    {
        lock (_gate)
        {
            Forget(tradeCodes);
            foreach (var state in _states.Values)
            {
                if (state.Busy)
                {
                    state.RearmAt ??= state.Held.Count;
                }
                else if (state.LastSeen is not null)
                {
                    state.Armed = true;
                }
            }
        }
    }

    /// <summary>The union changed: forgets codes no longer subscribed, so a later subscription does not backfill from a stale trade.</summary>
    public void Retain(IReadOnlySet<string> tradeCodes)
    {
        lock (_gate)
        {
            Forget(tradeCodes);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposing)
            {
                return;
            }

            _disposing = true;
        }

        // NB: outside the gate: cancelling completes the REST waits of running fills, whose continuations run inline.
        _disposed.Cancel();
    }

    /// <summary>Drops idle states of codes not in <paramref name="tradeCodes"/>; a busy one finishes first (forgetting what it
    /// delivered) and goes at a later call. Must hold the gate.</summary>
    private void Forget(IReadOnlySet<string> tradeCodes)
    {
        foreach (var (code, state) in _states.Where(s => !tradeCodes.Contains(s.Key)).ToList())
        {
            if (state.Busy)
            {
                state.Left = true;
            }
            else
            {
                _states.Remove(code);
            }
        }
    }

    /// <summary>Starts a backfill of <paramref name="state"/>'s code from its last seen trade; <paramref name="delivered"/>
    /// is what the previous backfill of a chain delivered (<see langword="null"/>: take what the code's state kept).</summary>
    private void Start(TradeBackfillState state, Dictionary<long, long>? delivered)
    {
        Trade last;
        Trade first;
        CancellationTokenSource cancel;
        lock (_gate)
        {
            last = state.LastSeen!;
            first = state.Held[0];
            delivered ??= state.Delivered ?? [];
            state.Delivered = null;

            // NB: this backfill fetches nothing older than the last seen trade, and the live trades it holds come in
            // trade order from the first one held (which may be older than the last seen, when REST ran ahead of the
            // socket). Ids older than both can never come again, so the set stays the size of one chain's overlap,
            // however long the chain lasts.
            var oldest = Math.Min(last.TradeTimestamp, first.TradeTimestamp);
            foreach (var (id, tradedAt) in delivered)
            {
                if (tradedAt < oldest)
                {
                    delivered.Remove(id);
                }
            }

            cancel = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
            state.Cancel = cancel;
        }

        var timeout = _scheduler.Schedule(_options.BackfillTimeout, () => Cancel(cancel));
        _context.Start(async () =>
        {
            // NB: true: delivery must resume on the client's scheduler (its SchedulerSynchronizationContext).
            var fill = await FillAsync(state.Code, last, first, cancel.Token).ConfigureAwait(true);
            timeout.Dispose();
            if (fill is null)
            {
                return;
            }

            if (fill.Gap is { } gap)
            {
                Interlocked.Increment(ref _gaps);
                _signals.Error(new UpbitError(UpbitErrorKind.TradeGap, _endpoint, gap.Message, gap));
            }

            Interlocked.Add(ref _backfilled, fill.Trades.Count);
            Deliver(state, WithOlderHeldFirst(state, fill.Trades), delivered);
        });
    }

    /// <summary>
    /// <paramref name="fetched"/> (oldest first), after the held trades no newer than any of it. NB: a backfill that stopped
    /// short (<see cref="UpbitClientOptions.BackfillLimit"/>, the timeout) may not reach back to the first trade held:
    /// REST answered late and only its newest trades were kept. The held trades before those go first, whichever
    /// connection they came over, so no trade is published after a newer one.
    /// </summary>
    private List<Trade> WithOlderHeldFirst(TradeBackfillState state, List<Trade> fetched)
    {
        if (fetched.Count == 0)
        {
            return fetched;
        }

        lock (_gate)
        {
            var oldest = fetched[0].TradeTimestamp;
            var older = 0;
            // NB: those of the oldest fetched one's millisecond too: a limit can cut inside a millisecond, and the held
            // trades of it that were not fetched would otherwise follow newer fetched ones (a repeat goes by its id).
            while (older < state.Held.Count && state.Held[older].TradeTimestamp <= oldest)
            {
                older++;
            }

            if (older == 0)
            {
                return fetched;
            }

            var batch = new List<Trade>(older + fetched.Count);
            batch.AddRange(state.Held.GetRange(0, older));
            batch.AddRange(fetched);
            state.Held.RemoveRange(0, older);

            // NB: a later reconnect's mark moves with the trades before it; past it, what is left all came after it.
            if (state.RearmAt is > 0 and var at)
            {
                state.RearmAt = Math.Max(0, at - older);
            }

            return batch;
        }
    }

    private static void Cancel(CancellationTokenSource cancel)
    {
        try
        {
            cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // NB: the flow already ended; nothing left to cancel.
        }
    }
}
