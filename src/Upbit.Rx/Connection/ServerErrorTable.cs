using System.Collections.Frozen;

namespace Upbit.Rx.Connection;

/// <summary>
/// The one place that decides what an Upbit WebSocket error frame means, keyed by its <c>name</c> (protocol
/// reference §5.1). After any error frame Upbit closes the socket, so every entry ends the connection; the table
/// only says whether streams fail and which.
/// </summary>
/// <remarks>
/// <para>
/// <c>TOO_MANY_REQUESTS</c> is transient: the request was fine, it came too fast. <c>INVALID_AUTH</c> fails the
/// streams of the endpoint that received it (the private endpoint is the one that authenticates, so in practice the
/// private streams; the JWT is signed afresh on every connect, so a rejection means the keys themselves are wrong).
/// <c>WRONG_FORMAT</c>, <c>NO_TICKET</c>, <c>NO_TYPE</c> and <c>NO_CODES</c> reject the request as a whole, which
/// carries the whole union, so the same request would be rejected again: they fail the endpoint's streams.
/// <c>INVALID_PARAM</c> rejects one type (or an announcement category): that type's streams fail.
/// </para>
/// <para>
/// NB: a name not in the table is treated as transient. A wrong "transient" costs a reconnect with growing backoff
/// (reported on <c>Errors</c>, bounded by <see cref="BackoffOptions.MaxRetryAttempts"/> because consecutive server errors
/// keep escalating the retry count until data flows again); a wrong "permanent" would kill every stream of the
/// endpoint for good on a condition (for example Upbit's undocumented "I'm a teapot" block after repeated 429s) that
/// goes away by itself. The first is recoverable, the second is not.
/// </para>
/// </remarks>
internal static class ServerErrorTable
{
    private static readonly FrozenDictionary<string, ServerErrorAction> Actions = new Dictionary<string, ServerErrorAction>(StringComparer.Ordinal)
    {
        ["TOO_MANY_REQUESTS"] = ServerErrorAction.Reconnect,
        ["INVALID_AUTH"] = ServerErrorAction.FailEndpoint,
        ["WRONG_FORMAT"] = ServerErrorAction.FailEndpoint,
        ["NO_TICKET"] = ServerErrorAction.FailEndpoint,
        ["NO_TYPE"] = ServerErrorAction.FailEndpoint,
        ["NO_CODES"] = ServerErrorAction.FailEndpoint,
        ["INVALID_PARAM"] = ServerErrorAction.FailNamedType,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What to do with an error frame of this name; <see cref="ServerErrorAction.Reconnect"/> for an unknown name.</summary>
    /// <param name="name">The frame's <c>error.name</c>, exactly as sent.</param>
    public static ServerErrorAction Classify(string name) => Actions.GetValueOrDefault(name, ServerErrorAction.Reconnect);

    /// <summary>Whether an error frame of this name leaves every stream running (the connection is replaced).</summary>
    /// <param name="name">The frame's <c>error.name</c>.</param>
    public static bool IsTransient(string name) => Classify(name) == ServerErrorAction.Reconnect;

    /// <summary>
    /// The type an <c>INVALID_PARAM</c> message names, or <see langword="null"/> when it names none in a known wording.
    /// NB: Upbit's error frame has no field for the type; its message is the only place that says which type was
    /// rejected (protocol reference §5.1: Korea "nope 은 지원하지 않는 타입입니다.", Indonesia "type nope is not
    /// supported."). This is the only code that reads an error message, and it matches the two wordings whole, never
    /// by searching for a type name inside arbitrary text.
    /// </summary>
    /// <param name="message">The frame's <c>error.message</c>.</param>
    public static string? RejectedType(string message)
    {
        const string KoreanTail = " 은 지원하지 않는 타입입니다.";
        const string EnglishHead = "type ";
        const string EnglishTail = " is not supported.";
        var text = message.Trim();
        string? type = null;
        if (text.EndsWith(KoreanTail, StringComparison.Ordinal))
        {
            type = text[..^KoreanTail.Length];
        }
        else if (text.StartsWith(EnglishHead, StringComparison.Ordinal) && text.EndsWith(EnglishTail, StringComparison.Ordinal) && text.Length > EnglishHead.Length + EnglishTail.Length)
        {
            type = text[EnglishHead.Length..^EnglishTail.Length];
        }

        return type is { Length: > 0 } && !type.Contains(' ', StringComparison.Ordinal) ? type : null;
    }
}
