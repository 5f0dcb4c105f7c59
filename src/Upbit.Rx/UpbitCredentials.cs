namespace Upbit.Rx;

/// <summary>
/// An Upbit API key pair for the private streams (<see cref="UpbitClient.MyOrder"/>, <see cref="UpbitClient.MyAsset"/>).
/// The secret never appears in <see cref="ToString"/>, logs or exceptions.
/// </summary>
public sealed class UpbitCredentials
{
    /// <summary>Creates credentials; both keys are required.</summary>
    /// <exception cref="ArgumentException">A key is null or blank.</exception>
    public UpbitCredentials(string accessKey, string secretKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretKey);
        AccessKey = accessKey;
        SecretKey = secretKey;
    }

    /// <summary>The access key (sent inside the signed token, never on its own).</summary>
    public string AccessKey { get; }

    internal string SecretKey { get; }

    /// <summary>Shows only the first four characters of the access key.</summary>
    public override string ToString() => $"UpbitCredentials(access key {Redact(AccessKey)}, secret key ***)";

    private static string Redact(string key) => key.Length <= 4 ? "***" : key[..4] + "***";
}
