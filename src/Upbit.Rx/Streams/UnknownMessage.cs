namespace Upbit.Rx.Streams;

/// <summary>
/// A data frame whose <c>type</c> this library does not know (for example a type Upbit adds later). Its fields are
/// skipped; the record exists so callers can count such frames instead of losing track of them.
/// </summary>
public sealed record UnknownMessage : UpbitMessage
{
    /// <summary>The <c>type</c> value as sent.</summary>
    public required string Type { get; init; }
}
