namespace Upbit.Rx.Connection;

internal sealed partial class ConnectionSupervisor
{
    private readonly List<(ConnectionState State, long Sequence)> _announced = [];
    private long _stateSequence;

    /// <summary>
    /// Records a state decided under the gate, numbered in the order it was decided. Must hold the gate.
    /// NB: states are published only after the gate is released (<see cref="PublishStates"/>), so no user handler
    /// ever runs under it; the sequence number lets the signals drop a state that a slower thread publishes late.
    /// </summary>
    private void Announce(ConnectionStatus status, int attempt = 0, TimeSpan delay = default, string? reason = null)
    {
        _lastState = new ConnectionState(_name, status, attempt, delay, reason) { IsRestFallback = _fallbackActive };
        _announced.Add((_lastState, ++_stateSequence));
    }

    /// <summary>Publishes the states announced so far. Call without holding the gate.</summary>
    private void PublishStates()
    {
        (ConnectionState State, long Sequence)[] pending;
        bool stopFallback;
        lock (_gate)
        {
            stopFallback = _fallbackStopPending;
            _fallbackStopPending = false;
            if (_announced.Count == 0 && !stopFallback)
            {
                return;
            }

            pending = [.. _announced];
            _announced.Clear();
        }

        if (stopFallback)
        {
            _fallback?.Stop();
        }

        foreach (var (state, sequence) in pending)
        {
            _signals.State(state, sequence);
        }
    }
}
