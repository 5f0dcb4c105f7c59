using System.Security.Cryptography;
using System.Text;

namespace Upbit.Rx.Tests.Testing.Scenarios;

/// <summary>Request texts and tokens the scenarios send.</summary>
public static class Requests
{
    public static string Subscribe(string typeObjects, string? format = null) =>
        "[{\"ticket\":\"t-1\"}," + typeObjects + (format is null ? "" : ",{\"format\":\"" + format + "\"}") + "]";

    public static string Ticker(params string[] codes) => Subscribe(TypeObject("ticker", codes));

    public static string TypeObject(string type, string[] codes, string extra = "") =>
        "{\"type\":\"" + type + "\",\"codes\":[" + string.Join(",", codes.Select(c => "\"" + c + "\"")) + "]" + extra + "}";

    public static string List(string ticket = "list-1", string? format = null) =>
        "[{\"ticket\":\"" + ticket + "\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}" + (format is null ? "" : ",{\"format\":\"" + format + "\"}") + "]";

    /// <summary>A bearer token signed as Upbit documents (HS256 or HS512 over header.payload with the secret).</summary>
    public static string Bearer(string accessKey, string secret, string algorithm = "HS512", bool withNonce = true)
    {
        var header = Base64Url("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}");
        var payload = Base64Url("{\"access_key\":\"" + accessKey + "\"" + (withNonce ? ",\"nonce\":\"5f0c7a3e-1b2d-4c4e-9f00-000000000001\"" : "") + "}");
        var data = Encoding.ASCII.GetBytes(header + "." + payload);
        var key = Encoding.UTF8.GetBytes(secret);
        var signature = algorithm == "HS256" ? HMACSHA256.HashData(key, data) : HMACSHA512.HashData(key, data);
        return "Bearer " + header + "." + payload + "." + Base64Url(signature);
    }

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
