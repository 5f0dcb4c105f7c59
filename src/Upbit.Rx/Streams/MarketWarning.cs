namespace Upbit.Rx.Streams;

/// <summary>The deprecated investment warning of a pair (<c>market_warning</c>, SIMPLE <c>mw</c>).</summary>
public enum MarketWarning
{
    /// <summary>A value this library does not know yet (or none was sent); kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>NONE</c>: no warning.</summary>
    None,

    /// <summary><c>CAUTION</c>: the pair is under an investment caution.</summary>
    Caution,
}
