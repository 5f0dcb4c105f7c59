namespace Upbit.Rx.Streams;

/// <summary>What self-match prevention does when an order would trade against the same account (<c>smp_type</c>, SIMPLE <c>smpt</c>).</summary>
public enum SmpType
{
    /// <summary>A value this library does not know yet (or none was sent); kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>reduce</c>: reduce both orders by the matched volume.</summary>
    Reduce,

    /// <summary><c>cancel_maker</c>: cancel the resting (maker) order.</summary>
    CancelMaker,

    /// <summary><c>cancel_taker</c>: cancel the incoming (taker) order.</summary>
    CancelTaker,
}
