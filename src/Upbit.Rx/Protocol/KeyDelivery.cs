namespace Upbit.Rx.Protocol;

/// <summary>What a request asks Upbit to deliver for one key; becomes the type object's flags.</summary>
internal enum KeyDelivery
{
    /// <summary>A key new on the wire: a snapshot, then realtime updates (no flag).</summary>
    SnapshotThenRealtime,

    /// <summary>A key already live on this connection: realtime only, so subscribers see no second snapshot (<c>is_only_realtime</c>).</summary>
    RealtimeOnly,

    /// <summary>A one-shot fetch: one snapshot and nothing after (<c>is_only_snapshot</c>).</summary>
    SnapshotOnly,
}
