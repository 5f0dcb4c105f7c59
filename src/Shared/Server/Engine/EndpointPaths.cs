namespace Upbit.Rx.Server;

/// <summary>Upbit's WebSocket endpoint paths.</summary>
internal static class EndpointPaths
{
    /// <summary>The public endpoint.</summary>
    public const string Public = "/websocket/v1";

    /// <summary>The private endpoint.</summary>
    public const string Private = "/websocket/v1/private";
}
