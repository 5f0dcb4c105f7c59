using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Upbit.Rx.Server;

/// <summary>
/// Checks the <c>Authorization: Bearer &lt;JWT&gt;</c> header of a private upgrade the way Upbit documents it:
/// HS256 or HS512 over <c>header.payload</c> with the secret key's UTF-8 bytes, an <c>access_key</c> claim equal to
/// the configured key, and a non-empty <c>nonce</c>. The signature is compared in constant time; the secret is never
/// part of any message.
/// </summary>
internal sealed class JwtVerifier(string accessKey, string secretKey)
{
    public bool IsValid(string? authorization)
    {
        const string Scheme = "Bearer ";
        // NB: HTTP authentication schemes are case-insensitive (RFC 9110 §11.1).
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = authorization[Scheme.Length..].Trim().Split('.');
        if (parts.Length != 3
            || !TryDecode(parts[0], out var header)
            || !TryDecode(parts[1], out var payload)
            || !TryDecode(parts[2], out var signature))
        {
            return false;
        }

        var expected = Sign(Algorithm(header), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        return expected is not null
            && CryptographicOperations.FixedTimeEquals(expected, signature)
            && HasClaims(payload);
    }

    private byte[]? Sign(string? algorithm, byte[] data)
    {
        var key = Encoding.UTF8.GetBytes(secretKey);
        return algorithm switch
        {
            "HS256" => HMACSHA256.HashData(key, data),
            "HS512" => HMACSHA512.HashData(key, data),
            _ => null,
        };
    }

    private static string? Algorithm(byte[] header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("alg", out var alg)
                && alg.ValueKind == JsonValueKind.String ? alg.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private bool HasClaims(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("access_key", out var key) && key.ValueKind == JsonValueKind.String
                && key.GetString() == accessKey
                && root.TryGetProperty("nonce", out var nonce)
                && nonce.ValueKind is JsonValueKind.String or JsonValueKind.Number
                && nonce.ToString().Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = [];
        var text = part.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
