namespace Upbit.Rx.Tests.Chaos;

/// <summary>What the chaos run checks after every quiet period; each is one test per seed.</summary>
public enum ChaosInvariant
{
    /// <summary>Each endpoint with live subscribers has exactly one open connection, and the last subscription it
    /// received equals the union of the live subscribers' keys.</summary>
    WireUnion,

    /// <summary>At most 5 subscription requests in any 1 s and 100 in any 60 s per connection.</summary>
    FrameBudget,

    /// <summary>The same budget with the keep-alive <c>PING</c>s counted too (Upbit counts every text frame).</summary>
    PingInBudget,

    /// <summary>At most 5 upgrade attempts per second per endpoint.</summary>
    ConnectRate,

    /// <summary>Every live subscriber gets fresh data for each of its codes within the recovery bound of the faults.</summary>
    Freshness,

    /// <summary>A connection that delivers only undecodable frames is replaced within the idle bound, so its subscribers
    /// get fresh data again (the freshness check of cycles that had such a fault).</summary>
    IdleWatchdog,

    /// <summary>Two different private events (different order uuids) both arrive, whatever their timestamps.</summary>
    PrivateEvents,

    /// <summary>No trade arrives twice or goes backwards, per subscriber and code, by <c>sequential_id</c>.</summary>
    TradeOrder,

    /// <summary>No stream fails for a transient fault; a permanent error fails only the streams it concerns.</summary>
    NoErrorForTransient,

    /// <summary>No exception escapes to the scheduler.</summary>
    NoEscapedException,

    /// <summary>Snapshot calls end by their timeout, and succeed with exactly the codes asked when no fault was near.</summary>
    SnapshotCalls,

    /// <summary>No connection remains once every subscriber has disposed and the linger period has passed.</summary>
    NoConnectionAfterLinger,
}
