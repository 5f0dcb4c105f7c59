namespace Upbit.Rx.Streams;

/// <summary>The life-cycle state of one of the account's orders (<c>state</c>, SIMPLE <c>s</c>).</summary>
public enum OrderState
{
    /// <summary>A value this library does not know yet (or none was sent); kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>wait</c>: resting on the book, waiting for a fill.</summary>
    Wait,

    /// <summary><c>watch</c>: a reserved (stop) order waiting for its trigger.</summary>
    Watch,

    /// <summary><c>trade</c>: a fill happened; the fill fields of <see cref="MyOrder"/> describe it.</summary>
    Trade,

    /// <summary><c>done</c>: completely filled.</summary>
    Done,

    /// <summary><c>cancel</c>: cancelled.</summary>
    Cancel,

    /// <summary><c>prevented</c>: stopped by self-match prevention.</summary>
    Prevented,
}
