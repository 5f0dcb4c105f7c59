using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;

namespace Upbit.Rx.Connection;

/// <summary>
/// Makes the bearer token Upbit's private WebSocket wants on the upgrade request: HS512 over
/// <c>{"access_key":…,"nonce":…}</c> with the secret key's UTF-8 bytes. A fresh nonce per connect.
/// </summary>
internal static class JwtSigner
{
    private static readonly string Header = Base64Url("{\"alg\":\"HS512\",\"typ\":\"JWT\"}"u8);

    public static string Sign(UpbitCredentials credentials, Guid nonce)
    {
        var payload = new StringBuilder();
        using (var writer = new JsonTextWriter(new StringWriter(payload, System.Globalization.CultureInfo.InvariantCulture)))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("access_key");
            writer.WriteValue(credentials.AccessKey);
            writer.WritePropertyName("nonce");
            writer.WriteValue(nonce.ToString());
            writer.WriteEndObject();
        }

        var unsigned = Header + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToString()));
        var signature = HMACSHA512.HashData(Encoding.UTF8.GetBytes(credentials.SecretKey), Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64Url(signature);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
