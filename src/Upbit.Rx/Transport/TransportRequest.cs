namespace Upbit.Rx.Transport;

/// <summary>What <see cref="UpbitTransport.Connect"/> connects to and how. The client builds one per connect.</summary>
public sealed class TransportRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="endpoint">The WebSocket URL (<c>ws://</c> or <c>wss://</c>).</param>
    /// <param name="headers">Extra headers for the upgrade request; the private endpoint's carries <c>Authorization</c>.</param>
    /// <param name="compression">Whether to offer permessage-deflate.</param>
    /// <param name="maxMessageBytes">The largest reassembled message accepted; positive.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> or <paramref name="headers"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessageBytes"/> is not positive.</exception>
    public TransportRequest(Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> headers, bool compression, int maxMessageBytes)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageBytes);
        Endpoint = endpoint;
        Headers = headers;
        Compression = compression;
        MaxMessageBytes = maxMessageBytes;
    }

    /// <summary>The WebSocket URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Extra headers for the upgrade request (for example <c>Authorization</c>). NB: they may hold a signed token;
    /// a transport must not log them.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Whether to offer permessage-deflate (<see cref="UpbitClientOptions.Compression"/>).</summary>
    public bool Compression { get; }

    /// <summary>
    /// The largest reassembled message accepted (<see cref="UpbitClientOptions.MaxMessageBytes"/>); a larger one
    /// fails the connection with OnError.
    /// </summary>
    public int MaxMessageBytes { get; }

    /// <summary>Names the endpoint only: the headers may carry credentials.</summary>
    /// <returns>For example <c>TransportRequest wss://api.upbit.com/websocket/v1</c>.</returns>
    public override string ToString() => $"TransportRequest {Endpoint}";
}
