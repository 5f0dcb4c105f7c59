namespace Upbit.Rx.Streams;

/// <summary>One currency of a <see cref="MyAsset"/> update.</summary>
public sealed record MyAssetBalance
{
    /// <summary>The currency code, for example <c>KRW</c> (<c>currency</c>, SIMPLE <c>cu</c>).</summary>
    public required string Currency { get; init; }

    /// <summary>The available amount (<c>balance</c>, SIMPLE <c>b</c>).</summary>
    public required decimal Balance { get; init; }

    /// <summary>The amount locked in open orders (<c>locked</c>, SIMPLE <c>l</c>).</summary>
    public required decimal Locked { get; init; }
}
