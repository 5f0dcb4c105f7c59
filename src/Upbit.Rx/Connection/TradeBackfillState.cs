using Upbit.Rx.Streams;

namespace Upbit.Rx.Connection;

/// <summary>What the backfill knows about one code's trade stream. Guarded by the owning <see cref="TradeBackfill"/>'s gate.</summary>
internal sealed class TradeBackfillState(string code)
{
    public string Code => code;

    /// <summary>The last trade handed to the router, live or backfilled.</summary>
    public Trade? LastSeen { get; set; }

    /// <summary>The connection was re-established: the next live trade starts a backfill unless it is <see cref="LastSeen"/> again.</summary>
    public bool Armed { get; set; }

    /// <summary>A backfill is in flight or its results are being delivered: live trades wait in <see cref="Held"/>.</summary>
    public bool Busy { get; set; }

    /// <summary>Live trades that arrived while <see cref="Busy"/>, in arrival order.</summary>
    public List<Trade> Held { get; set; } = [];

    /// <summary>
    /// Set when the connection was re-established again while busy: the held trades from this index on came over the new
    /// connection, after another gap, and need a backfill of their own.
    /// </summary>
    public int? RearmAt { get; set; }

    /// <summary>
    /// The ids (and trade times) of the trades the last backfills of this code delivered (fetched and held), while live trades may still
    /// repeat them: REST can answer ahead of the socket, and a backfill after another reconnect fetches again what the one
    /// before delivered. Dropped once a live trade is later than <see cref="DeliveredUntil"/>.
    /// </summary>
    public Dictionary<long, long>? Delivered { get; set; }

    /// <summary>The latest trade time among <see cref="Delivered"/> (ms since the epoch).</summary>
    public long DeliveredUntil { get; set; }

    /// <summary>The code left the subscribed set while <see cref="Busy"/>: what its backfills delivered no longer
    /// concerns a later subscriber of it, whose snapshot must not be taken for a repeat.</summary>
    public bool Left { get; set; }

    /// <summary>Cancels the backfill in flight (its timeout, or the client's disposal).</summary>
    public CancellationTokenSource? Cancel { get; set; }
}
