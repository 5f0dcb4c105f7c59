using System.Net;

namespace Upbit.Rx;

/// <summary>
/// A failure under which a stream or a REST call cannot succeed as it is. <see cref="ErrorSource"/> separates what Upbit
/// said (an error frame such as <c>INVALID_PARAM</c> or <c>INVALID_AUTH</c>, a REST error body
/// <c>{"error":{"name","message"}}</c>, an error status) from conditions this library names itself
/// (<see cref="ClientCondition"/>): only server errors have a <see cref="ServerErrorName"/>.
/// </summary>
/// <remarks>
/// Match server errors on <see cref="ServerErrorName"/> (Upbit's spelling, for example <c>INVALID_AUTH</c>) and client
/// conditions on <see cref="ClientCondition"/>; <see cref="Exception.Message"/> is for people and may change.
/// </remarks>
public class UpbitException : Exception
{
    /// <summary>Creates a server error from Upbit's error name and message (<see cref="UpbitErrorSource.Server"/>).</summary>
    /// <param name="serverErrorName">Upbit's <c>error.name</c>, for example <c>INVALID_PARAM</c>; <see langword="null"/>
    /// when the response carried no error body.</param>
    /// <param name="serverMessage">The message text as Upbit sent it (often Korean), or the body of a response
    /// without an error object.</param>
    /// <param name="innerException">The cause, if any.</param>
    public UpbitException(string? serverErrorName, string serverMessage, Exception? innerException = null)
        : base(serverErrorName is null ? serverMessage : $"{serverErrorName}: {serverMessage}", innerException)
    {
        ErrorSource = UpbitErrorSource.Server;
        ServerErrorName = serverErrorName;
        ServerMessage = serverMessage;
    }

    /// <summary>Creates a condition this library names itself (<see cref="UpbitErrorSource.Client"/>).</summary>
    /// <param name="condition">The condition; not <see cref="UpbitClientCondition.None"/>.</param>
    /// <param name="message">What happened, for people.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="condition"/> is <see cref="UpbitClientCondition.None"/>
    /// or not defined.</exception>
    public UpbitException(UpbitClientCondition condition, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        if (condition == UpbitClientCondition.None || !Enum.IsDefined(condition))
        {
            throw new ArgumentOutOfRangeException(nameof(condition), condition, "A client condition must be a defined value other than None.");
        }

        ErrorSource = UpbitErrorSource.Client;
        ClientCondition = condition;
    }

    /// <summary>Whether Upbit or this library named the failure.</summary>
    public UpbitErrorSource ErrorSource { get; }

    /// <summary>Upbit's <c>error.name</c>, for example <c>INVALID_PARAM</c>, or <c>404</c> from the quotation API.
    /// <see langword="null"/> for client conditions and for server responses that carried no error body.</summary>
    public string? ServerErrorName { get; }

    /// <summary>The message text as Upbit sent it (often Korean), or the (possibly shortened) body of an error response
    /// without an error object; <see langword="null"/> for client conditions.</summary>
    public string? ServerMessage { get; }

    /// <summary>The condition this library named; <see cref="UpbitClientCondition.None"/> for server errors.</summary>
    public UpbitClientCondition ClientCondition { get; }

    /// <summary>The HTTP status of the REST response that carried the error, or the status behind a client condition
    /// such as <see cref="UpbitClientCondition.Blocked"/> (418); <see langword="null"/> for WebSocket errors.</summary>
    public HttpStatusCode? StatusCode { get; init; }

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
