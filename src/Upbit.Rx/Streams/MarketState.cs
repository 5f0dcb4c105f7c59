namespace Upbit.Rx.Streams;

/// <summary>Whether a pair can be traded (<c>market_state</c>, SIMPLE <c>ms</c>).</summary>
public enum MarketState
{
    /// <summary>A value this library does not know yet (or none was sent); kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>PREVIEW</c>: deposits only, trading has not started.</summary>
    Preview,

    /// <summary><c>ACTIVE</c>: tradable.</summary>
    Active,

    /// <summary><c>DELISTED</c>: trading has ended.</summary>
    Delisted,
}
