namespace Upbit.Rx.Server;

/// <summary>
/// The loopback server's open sockets, so that stopping the server can drop every one of them at once instead of
/// waiting for clients that never finish the close handshake. Once closed it admits nothing more.
/// </summary>
internal sealed class LiveConnections
{
    private readonly object _gate = new();
    private readonly HashSet<LoopbackConnection> _connections = [];
    private bool _closed;

    /// <summary>Whether the server is stopping (new upgrades are refused).</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>Tracks <paramref name="connection"/>; <see langword="false"/> when the server is already stopping.</summary>
    public bool TryAdd(LoopbackConnection connection)
    {
        lock (_gate)
        {
            return !_closed && _connections.Add(connection);
        }
    }

    public void Remove(LoopbackConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
        }
    }

    /// <summary>Refuses further connections and aborts every tracked one.</summary>
    public void AbortAll()
    {
        LoopbackConnection[] open;
        lock (_gate)
        {
            _closed = true;
            open = [.. _connections];
            _connections.Clear();
        }

        foreach (var connection in open)
        {
            connection.Abort();
        }
    }
}
