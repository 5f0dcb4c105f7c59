namespace Upbit.Rx.Streams;

/// <summary>The direction of the price against the previous close (<c>change</c>, SIMPLE <c>c</c>).</summary>
public enum Change
{
    /// <summary>A value this library does not know yet (or none was sent); kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>RISE</c>: above the previous close.</summary>
    Rise,

    /// <summary><c>EVEN</c>: equal to the previous close.</summary>
    Even,

    /// <summary><c>FALL</c>: below the previous close.</summary>
    Fall,
}
