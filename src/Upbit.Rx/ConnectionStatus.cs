namespace Upbit.Rx;

/// <summary>Where a connection is in its life.</summary>
public enum ConnectionStatus
{
    /// <summary>No socket: nothing is subscribed (or the client was disposed).</summary>
    Disconnected,

    /// <summary>Opening the socket.</summary>
    Connecting,

    /// <summary>Open; the current subscription union has been (or is being) sent.</summary>
    Connected,

    /// <summary>The socket dropped or failed; waiting <see cref="ConnectionState.Delay"/> before attempt <see cref="ConnectionState.Attempt"/>.</summary>
    Reconnecting,
}
