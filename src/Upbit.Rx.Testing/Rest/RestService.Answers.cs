using System.Globalization;

namespace Upbit.Rx.Testing.Rest;

internal sealed partial class RestService
{
    private static RestResponse Answer(int status, string contentType, byte[] body, string? remainingReq) =>
        new(status, contentType, body, Headers(remainingReq));

    /// <summary>The headers Upbit puts on quotation answers (the recorded samples), <c>Remaining-Req</c> when counted.</summary>
    private static List<KeyValuePair<string, string>> Headers(string? remainingReq)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"),
            new("Pragma", "no-cache"),
            new("Expires", "0"),
            new("Limit-By-Ip", "Yes"),
        };
        if (remainingReq is not null)
        {
            headers.Add(new("Remaining-Req", remainingReq));
        }

        return headers;
    }

    /// <summary><c>group=…; min=600; sec=…</c>: <c>min</c> is fixed (Upbit deprecated it), <c>sec</c> counts down.</summary>
    private static string RemainingReq(string group, int remaining) =>
        string.Create(CultureInfo.InvariantCulture, $"group={group}; min=600; sec={remaining}");

    private static RestResponse FaultStatus(int status) => status is 502 or 503 or 504
        ? RestResponse.Plain(status, RestResponse.Html, $"<html><head><title>{status}</title></head><body><h1>{status}</h1></body></html>", Headers(null))
        : new RestResponse(status, RestResponse.Json, RestJson.Error(status, "Internal server error"), Headers(null));
}
