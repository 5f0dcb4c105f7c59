namespace Upbit.Rx;

/// <summary>A problem the client handled without stopping, reported on <see cref="UpbitClient.Errors"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Endpoint">Which connection: <c>public</c> or <c>private</c>; <c>client</c> for a problem of no connection (the
/// configured logger threw).</param>
/// <param name="Message">A description for logs (never contains secrets).</param>
/// <param name="Exception">The exception behind it, when there is one.</param>
public sealed record UpbitError(UpbitErrorKind Kind, string Endpoint, string Message, Exception? Exception = null)
{
    /// <summary>
    /// One line for a log: kind, endpoint, message and, when there is one, the exception's type and message, such as
    /// <c>ConnectionFault on public: connect failed (WebSocketException: Unable to connect to the remote server)</c>.
    /// </summary>
    /// <returns>The line; never the exception's stack trace (that stays on <see cref="Exception"/>).</returns>
    public override string ToString()
    {
        var line = $"{Kind} on {Endpoint}: {Message}";
        if (Exception is { } exception)
        {
            line += $" ({exception.GetType().Name}: {exception.Message})";
        }

        // NB: exception messages (server texts, socket errors) can span lines; a log line must not.
        return line.ReplaceLineEndings(" ");
    }
}
