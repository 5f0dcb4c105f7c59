namespace Upbit.Rx;

/// <summary>
/// An error Upbit reported (an error frame such as <c>INVALID_PARAM</c> or <c>INVALID_AUTH</c>, or a REST error body
/// <c>{"error":{"name","message"}}</c> with its <see cref="StatusCode"/>), or a condition under which a stream or a REST
/// call can never succeed.
/// </summary>
public class UpbitException : Exception
{
    /// <summary>Creates the exception from Upbit's error name and message.</summary>
    public UpbitException(string name, string message)
        : base($"{name}: {message}")
    {
        Name = name;
        ServerMessage = message;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public UpbitException(string name, string message, Exception innerException)
        : base($"{name}: {message}", innerException)
    {
        Name = name;
        ServerMessage = message;
    }

    /// <summary>Upbit's error name, for example <c>INVALID_PARAM</c>; or a name of this library's own in lower case.</summary>
    public string Name { get; }

    /// <summary>The message text as Upbit sent it (often Korean).</summary>
    public string ServerMessage { get; }

    /// <summary>The HTTP status of the REST response that carried the error; <see langword="null"/> for WebSocket errors
    /// and for errors of this library's own.</summary>
    public System.Net.HttpStatusCode? StatusCode { get; init; }

    /// <summary>
    /// Whether a retry can succeed. A transient error frame (for example <c>TOO_MANY_REQUESTS</c>, or a name this
    /// library does not know) only replaces the connection: it is reported on <see cref="UpbitClient.Errors"/>, the
    /// client reconnects with backoff and resends its subscriptions, and no stream fails. A permanent one
    /// (<c>INVALID_AUTH</c>, <c>WRONG_FORMAT</c>, <c>NO_TICKET</c>, <c>NO_TYPE</c>, <c>NO_CODES</c>,
    /// <c>INVALID_PARAM</c>) fails the streams it concerns; streams only ever fail with a permanent one.
    /// </summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool IsTransient { get; init; }
}
