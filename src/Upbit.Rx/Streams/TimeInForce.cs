namespace Upbit.Rx.Streams;

/// <summary>How long an order may rest before the unfilled part is cancelled (<c>time_in_force</c>, SIMPLE <c>tif</c>).</summary>
public enum TimeInForce
{
    /// <summary>A value this library does not know yet (or none was sent); kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>ioc</c>: fill what can be filled at once, cancel the rest.</summary>
    ImmediateOrCancel,

    /// <summary><c>fok</c>: fill completely at once or cancel entirely.</summary>
    FillOrKill,

    /// <summary><c>post_only</c>: only ever rest on the book as a maker; cancelled if it would take.</summary>
    PostOnly,
}
