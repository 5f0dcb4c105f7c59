namespace Upbit.Rx.Streams;

/// <summary>
/// An error frame <c>{"error":{"name":…,"message":…}}</c>. Upbit closes the socket (code 1000) shortly after sending
/// one.
/// </summary>
public sealed record ServerError : UpbitMessage
{
    /// <summary>
    /// The error code (<c>name</c>), for example <c>WRONG_FORMAT</c>, <c>NO_TICKET</c>, <c>INVALID_PARAM</c>,
    /// <c>INVALID_AUTH</c>. An integer name (as REST sends) is kept as its text.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>The human-readable text (<c>message</c>), in Korean on the Korean host.</summary>
    public required string Message { get; init; }
}
