using System.Reactive.Concurrency;

namespace Upbit.Rx.Server;

/// <summary>Keep-alive: the text <c>PING</c> starts a <c>{"status":"UP"}</c> cycle; silence in both directions for the
/// idle timeout drops the connection without a close frame.</summary>
internal sealed partial class ExchangeSession
{
    private DateTimeOffset _lastActivity;
    private bool _statusCycle;

    private void OnPingLocked()
    {
        if (_statusCycle || (!Options.AnswerPingWhenSubscribed && _subscriptions.Count > 0))
        {
            return;
        }

        _statusCycle = true;
        SendLocked(Frames.Status);
        _timers.Add(_hub.Scheduler.SchedulePeriodic(Options.StatusInterval, () =>
        {
            lock (_gate)
            {
                if (!_ended)
                {
                    SendLocked(Frames.Status);
                }
            }
        }));
    }

    /// <summary>Bytes from the client that the host's WebSocket layer consumed itself (protocol pings): traffic too.</summary>
    public void NoteClientTraffic() => Touch();

    /// <summary>Any frame in either direction counts as traffic.</summary>
    private void Touch()
    {
        lock (_gate)
        {
            _lastActivity = _hub.Scheduler.Now;
        }
    }

    private void ArmIdleTimer()
    {
        if (Options.IdleTimeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _timers.Add(_hub.Scheduler.Schedule(Options.IdleTimeout, self =>
        {
            bool idle;
            lock (_gate)
            {
                if (_ended)
                {
                    return;
                }

                var quiet = _hub.Scheduler.Now - _lastActivity;
                idle = quiet >= Options.IdleTimeout && !_stalled;
                if (!idle)
                {
                    self(quiet >= Options.IdleTimeout ? Options.IdleTimeout : Options.IdleTimeout - quiet);
                    return;
                }
            }

            Drop();
        }));
    }
}
