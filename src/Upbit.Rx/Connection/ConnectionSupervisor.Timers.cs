using System.Reactive.Concurrency;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Connection;

internal sealed partial class ConnectionSupervisor
{
    private long _lastReceivedTicks;
    private long _lastSentTicks;

    private void MarkTraffic(bool received) => MarkTraffic(received, _scheduler.Now);

    private void MarkTraffic(bool received, DateTimeOffset now) =>
        Volatile.Write(ref received ? ref _lastReceivedTicks : ref _lastSentTicks, now.UtcTicks);

    /// <summary>
    /// One timer per connection, re-armed for whichever comes first: the keep-alive (queue <c>PING</c> in the pacer
    /// when we have sent nothing for <see cref="UpbitClientOptions.KeepAliveInterval"/>) or the idle watchdog (drop
    /// and reconnect when no decodable frame arrived for <see cref="UpbitClientOptions.IdleTimeout"/>).
    /// </summary>
    private void ScheduleHealthCheck(long generation)
    {
        var now = _scheduler.Now.UtcTicks;
        var keepAliveDue = Volatile.Read(ref _lastSentTicks) + _options.KeepAliveInterval.Ticks;
        var idleDue = Volatile.Read(ref _lastReceivedTicks) + _options.IdleTimeout.Ticks;
        var due = TimeSpan.FromTicks(Math.Max(0, Math.Min(keepAliveDue, idleDue) - now));
        _timer.Disposable = _scheduler.Schedule(due, () => HealthCheck(generation));
    }

    private void HealthCheck(long generation)
    {
        var stalled = false;
        lock (_gate)
        {
            if (generation != _generation || _phase != ConnectionPhase.Open)
            {
                return;
            }

            var now = _scheduler.Now.UtcTicks;
            if (now - Volatile.Read(ref _lastReceivedTicks) >= _options.IdleTimeout.Ticks)
            {
                stalled = true;
            }
            else
            {
                if (now - Volatile.Read(ref _lastSentTicks) >= _options.KeepAliveInterval.Ticks)
                {
                    // NB: the keep-alive counts against Upbit's message budget like any request, so it queues in
                    // the pacer; the send marks the traffic, and until then the next check comes no later than
                    // one keep-alive interval from now.
                    MarkTraffic(received: false);
                    _pacer?.Enqueue(Ping);
                }

                ScheduleHealthCheck(generation);
            }
        }

        if (stalled)
        {
            OnDropped(generation, $"no frame for {_options.IdleTimeout.TotalSeconds:0.#} s (stalled)", null);
        }
    }

    /// <summary>Keeps an unused connection for <see cref="UpbitClientOptions.Linger"/>, then closes it.</summary>
    private void StartLinger()
    {
        var generation = _generation;
        _lingerTimer.Disposable = _scheduler.Schedule(_options.Linger, () =>
        {
            lock (_gate)
            {
                if (generation == _generation && _phase == ConnectionPhase.Open && !HasWork())
                {
                    GoIdle("no subscribers");
                }
            }

            PublishStates();
        });
    }

    /// <summary>Sends a frame now. Only the pacer calls it: every text frame counts against Upbit's budget.</summary>
    private void SendNow(long generation, string text)
    {
        UpbitTransportChannel? channel;
        lock (_gate)
        {
            channel = generation == _generation ? _channel : null;
        }

        if (channel is null)
        {
            return;
        }

        MarkTraffic(received: false);
        channel.Send(text);
    }
}
