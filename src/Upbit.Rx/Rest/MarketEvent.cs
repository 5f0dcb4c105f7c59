namespace Upbit.Rx.Streams;

/// <summary>The warnings on one pair (<c>market_event</c> of the detailed market list).</summary>
public sealed record MarketEvent
{
    /// <summary>Whether the pair is designated for investment warning (<c>warning</c>).</summary>
    public required bool Warning { get; init; }

    /// <summary>The investment cautions in force (<c>caution</c>); <see langword="null"/> when not sent.</summary>
    public required MarketCaution? Caution { get; init; }
}
