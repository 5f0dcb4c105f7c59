using System.Diagnostics;

namespace Upbit.Rx.IntegrationTests.Soak;

/// <summary>
/// Measures each recovery: from the moment the server drops the client's public socket to the client's next
/// <see cref="ConnectionStatus.Connected"/> state of that endpoint. Also counts fallback states.
/// </summary>
internal sealed class ReconnectClock
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _recoveries = [];
    private long? _droppedAt;
    private int _fallbackStates;

    /// <summary>Recovery times measured so far, in the order of the drops.</summary>
    public IReadOnlyList<TimeSpan> Recoveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _recoveries];
            }
        }
    }

    /// <summary>Whether the socket was dropped and the client has not announced <see cref="ConnectionStatus.Connected"/> since.</summary>
    public bool IsDown
    {
        get
        {
            lock (_gate)
            {
                return _droppedAt is not null;
            }
        }
    }

    /// <summary>States that said the public endpoint was in REST fallback.</summary>
    public int FallbackStates
    {
        get
        {
            lock (_gate)
            {
                return _fallbackStates;
            }
        }
    }

    /// <summary>Call just before dropping the socket.</summary>
    public void Dropping()
    {
        lock (_gate)
        {
            _droppedAt = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>The client's <see cref="UpbitClient.ConnectionStates"/> handler.</summary>
    public void OnState(ConnectionState state)
    {
        if (state.Endpoint != "public")
        {
            return;
        }

        lock (_gate)
        {
            if (state.IsRestFallback)
            {
                _fallbackStates++;
            }

            if (state.Status == ConnectionStatus.Connected && _droppedAt is { } at)
            {
                _recoveries.Add(Stopwatch.GetElapsedTime(at));
                _droppedAt = null;
            }
        }
    }
}
