namespace Upbit.Rx.Rest;

/// <summary>A REST body that is not the JSON its endpoint documents; the client turns it into an
/// <see cref="UpbitException"/> that names the endpoint.</summary>
internal sealed class RestFormatException(string message) : Exception(message);
