namespace Upbit.Rx.Gateway;

/// <summary>A moment's view of an <see cref="UpbitGateway"/>: counters only grow; rates are differences between two
/// readings.</summary>
/// <param name="DownstreamConnections">Downstream connections open now (sockets and in-memory).</param>
/// <param name="Upstream">The upstream client's last public connection state, or <see langword="null"/> before its first.</param>
/// <param name="UpstreamKeys">Upstream streams held now (type × code × period or level), the size of the union.</param>
/// <param name="MessagesIn">Messages received from the upstream client so far.</param>
/// <param name="FramesOut">Frames sent to downstream clients so far (data, control and error frames).</param>
/// <param name="RequestsIn">Text frames received from downstream clients so far.</param>
/// <param name="SlowClientsDropped">Downstream connections closed so far because their send queue overflowed.</param>
public sealed record UpbitGatewayStatus(
    int DownstreamConnections,
    ConnectionState? Upstream,
    int UpstreamKeys,
    long MessagesIn,
    long FramesOut,
    long RequestsIn,
    long SlowClientsDropped);
