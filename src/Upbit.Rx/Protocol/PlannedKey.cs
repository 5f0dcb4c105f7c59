using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Protocol;

/// <summary>One key of the wanted union with what the next request should ask for it.</summary>
/// <param name="Key">The wire subscription.</param>
/// <param name="Delivery">Snapshot and realtime, realtime only, or snapshot only.</param>
internal readonly record struct PlannedKey(StreamKey Key, KeyDelivery Delivery)
{
    /// <summary>A key not yet on the wire: ask for its snapshot and then realtime updates.</summary>
    public static PlannedKey New(StreamKey key) => new(key, KeyDelivery.SnapshotThenRealtime);

    /// <summary>A key already live on this connection: realtime only.</summary>
    public static PlannedKey Live(StreamKey key) => new(key, KeyDelivery.RealtimeOnly);

    /// <summary>A one-shot snapshot fetch.</summary>
    public static PlannedKey Snapshot(StreamKey key) => new(key, KeyDelivery.SnapshotOnly);
}
