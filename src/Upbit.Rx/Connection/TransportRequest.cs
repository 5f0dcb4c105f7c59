namespace Upbit.Rx.Connection;

/// <summary>What to connect to and how.</summary>
/// <param name="Endpoint">The WebSocket URL.</param>
/// <param name="Headers">Extra headers for the upgrade request (for example <c>Authorization</c>).</param>
/// <param name="Compression">Offer permessage-deflate.</param>
/// <param name="MaxMessageBytes">Largest reassembled message accepted; a larger one fails the connection.</param>
internal sealed record TransportRequest(
    Uri Endpoint,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    bool Compression,
    int MaxMessageBytes);
