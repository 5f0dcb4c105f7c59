using System.Text;

namespace Upbit.Rx.Testing.Rest;

/// <summary>What the REST engine answers: a status, headers and a body, to be sent after <see cref="Delay"/> of
/// scheduler time; or, when <see cref="Refused"/>, no answer at all (the connection fails).</summary>
internal sealed record RestResponse(int Status, string ContentType, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public const string Json = "application/json;charset=UTF-8";
    public const string Text = "text/plain;charset=UTF-8";
    public const string Html = "text/html;charset=UTF-8";

    public static RestResponse Refusal { get; } = new(0, Text, [], []) { Refused = true };

    public bool Refused { get; init; }

    public TimeSpan Delay { get; init; }

    public static RestResponse Plain(int status, string contentType, string body, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        new(status, contentType, Encoding.UTF8.GetBytes(body), headers);
}
