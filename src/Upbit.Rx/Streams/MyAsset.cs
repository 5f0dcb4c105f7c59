namespace Upbit.Rx.Streams;

/// <summary>
/// A change of the account's balances (<c>type</c> = <c>myAsset</c>, private). Carries only the currencies that
/// changed. Belongs to no pair, so it is not an <see cref="IMarketMessage"/>. Equality compares
/// <see cref="Assets"/> element by element.
/// </summary>
public sealed record MyAsset : UpbitMessage
{
    /// <summary>The id of this asset event (<c>asset_uuid</c>).</summary>
    public required string AssetUuid { get; init; }

    /// <summary>The currencies that changed (<c>assets</c>).</summary>
    public required IReadOnlyList<MyAssetBalance> Assets { get; init; }

    /// <summary>When the balances changed, in Unix milliseconds (<c>asset_timestamp</c>).</summary>
    public required long AssetTimestamp { get; init; }

    /// <summary>The server timestamp of the message in Unix milliseconds (<c>timestamp</c>).</summary>
    public required long Timestamp { get; init; }

    /// <summary>Always <see cref="StreamType.Realtime"/> in practice (<c>stream_type</c>).</summary>
    public required StreamType StreamType { get; init; }

    /// <summary><see cref="AssetTimestamp"/> as a UTC instant.</summary>
    public DateTimeOffset AssetsChangedAt => UnixMilliseconds.ToTime(AssetTimestamp);

    /// <summary><see cref="Timestamp"/> as a UTC instant.</summary>
    public DateTimeOffset Time => UnixMilliseconds.ToTime(Timestamp);

    /// <inheritdoc/>
    public bool Equals(MyAsset? other) =>
        ReferenceEquals(this, other) ||
        (base.Equals(other) &&
         AssetUuid == other.AssetUuid &&
         SequenceEquality.Equals(Assets, other.Assets) &&
         AssetTimestamp == other.AssetTimestamp &&
         Timestamp == other.Timestamp &&
         StreamType == other.StreamType);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(AssetUuid, SequenceEquality.GetHashCode(Assets), AssetTimestamp, Timestamp, StreamType);
}
