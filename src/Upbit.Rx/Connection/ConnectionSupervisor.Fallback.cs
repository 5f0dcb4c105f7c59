using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Upbit.Rx.Connection;

/// <content>The REST fallback: armed when the socket drops, started when it stays down for <see cref="UpbitClientOptions.FallbackAfter"/>, stopped when it is back.</content>
internal sealed partial class ConnectionSupervisor
{
    private readonly SerialDisposable _fallbackTimer = new();
    private RestFallback? _fallback;
    private bool _fallbackArmed;
    private bool _fallbackActive;
    private bool _fallbackStopPending;
    private ConnectionState? _lastState;

    /// <summary>Gives the endpoint a REST fallback; only the public endpoint has one. Call once, before any subscription.</summary>
    public void UseFallback(RestFallback fallback) => _fallback = fallback;

    /// <summary>Whether the streams are fed by REST polling now.</summary>
    public bool IsRestFallback
    {
        get
        {
            lock (_gate)
            {
                return _fallbackActive;
            }
        }
    }

    /// <summary>
    /// The socket is down and the client will retry: starts the fallback clock once per outage (a failed attempt does not
    /// restart it). Must hold the gate.
    /// </summary>
    private void ArmFallback()
    {
        if (_fallback is null || _options.FallbackAfter is not { } after || _fallbackArmed)
        {
            return;
        }

        _fallbackArmed = true;
        _fallbackTimer.Disposable = _scheduler.Schedule(after, OnFallbackDue);
    }

    /// <summary>
    /// The socket is back, or the endpoint went idle or was disposed: disarms the clock and, when polling, clears the flag
    /// so the next state is announced without it, and leaves the stop to <see cref="PublishStates"/>, which every path
    /// calls once the gate is released (cancelling requests is not done under the gate). Must hold the gate.
    /// </summary>
    private void DisarmFallback()
    {
        _fallbackArmed = false;
        _fallbackTimer.Disposable = null;
        _fallbackStopPending |= _fallbackActive;
        _fallbackActive = false;
    }

    private void OnFallbackDue()
    {
        lock (_gate)
        {
            if (!_fallbackArmed || _fallbackActive || _phase is not (ConnectionPhase.WaitingToRetry or ConnectionPhase.Connecting))
            {
                return;
            }

            _fallbackActive = true;
            var current = _lastState ?? new ConnectionState(_name, ConnectionStatus.Reconnecting);
            Announce(current.Status, current.Attempt, current.Delay, $"socket down for over {_options.FallbackAfter!.Value.TotalSeconds:0.#} s; polling REST");
        }

        PublishStates();

        // NB: started outside the gate; a Stop racing this start is ordered by the fallback's own gate and run counter.
        _fallback!.Start();
        lock (_gate)
        {
            if (_fallbackActive)
            {
                return;
            }
        }

        _fallback.Stop();
    }
}
