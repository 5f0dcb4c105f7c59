using System.Reactive.Disposables;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>
/// One connection's protocol state machine, behaving as Upbit does (protocol reference §10): parses the client's
/// text frames, keeps the connection's subscription set and format, serves snapshots and realtime data, keeps
/// alive, times out, enforces limits and reports errors. Host-agnostic: frames leave through an
/// <see cref="IConnectionSink"/>, timers run on the hub's scheduler, and one gate serializes all state.
/// </summary>
internal sealed partial class ExchangeSession
{
    private readonly object _gate = new();
    private readonly ExchangeHub _hub;
    private readonly Outbox _outbox;
    private readonly IConnectionSink _sink;
    private readonly RequestParser _parser;
    private readonly SlidingWindow _perSecond;
    private readonly SlidingWindow _perMinute;
    private readonly CompositeDisposable _timers = [];
    private WireFormat _format = WireFormat.Default;
    private bool _closing;
    private bool _ended;

    public ExchangeSession(ExchangeHub hub, int id, bool isPrivate, IConnectionSink sink)
    {
        _hub = hub;
        Id = id;
        IsPrivate = isPrivate;
        _sink = sink;
        _outbox = new Outbox(hub.Scheduler, sink);
        _outbox.Delivered += () =>
        {
            Touch();
            hub.NoteFrameSent();
        };
        _parser = new RequestParser(hub.Errors, isPrivate);
        _perSecond = new SlidingWindow(hub.Options.RequestsPerSecond, TimeSpan.FromSeconds(1));
        _perMinute = new SlidingWindow(hub.Options.RequestsPerMinute, TimeSpan.FromMinutes(1));
    }

    public int Id { get; }

    public bool IsPrivate { get; }

    private EngineOptions Options => _hub.Options;

    /// <summary>Called once by the host right after the upgrade was accepted.</summary>
    public void Start(bool authorized)
    {
        lock (_gate)
        {
            _lastActivity = _hub.Scheduler.Now;
            ArmIdleTimer();
            if (!authorized)
            {
                FailLocked(_hub.Errors.Auth());
                return;
            }

            if (IsPrivate && !Options.ServesPrivate)
            {
                FailLocked(_hub.Errors.PrivateRefused());
                return;
            }

            if (!IsPrivate)
            {
                _timers.Add(_hub.Source.Messages.Subscribe(Deliver));
            }
        }
    }

    /// <summary>One text frame from the client.</summary>
    public void Receive(string text)
    {
        _hub.RecordRequest(Id, text);
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _lastActivity = _hub.Scheduler.Now;
            if (_closing)
            {
                return;
            }

            var result = _parser.Parse(text);
            if (result.IsPing)
            {
                OnPingLocked();
            }
            else if (result.Error is { } error)
            {
                FailLocked(error);
            }
            else if (WithinLimitsLocked())
            {
                ApplyLocked(result.Request!);
            }
        }
    }

    /// <summary>The client closed the connection (<paramref name="status"/> 1000 for a close frame, 1006 when it vanished).</summary>
    public void ClientClosed(int status) => End(status);

    private bool WithinLimitsLocked()
    {
        if (!Options.EnforceRequestLimits)
        {
            return true;
        }

        var now = _hub.Scheduler.Now;
        if (_perSecond.Remaining(now) > 0 && _perMinute.Remaining(now) > 0)
        {
            _perSecond.TryAcquire(now);
            _perMinute.TryAcquire(now);
            return true;
        }

        if (Options.RequestLimitCloses)
        {
            FailLocked(_hub.Errors.RateLimited());
        }

        return false;
    }

    /// <summary>Error frame now, close 1000 after the configured delay; nothing else is served meanwhile.</summary>
    private void FailLocked(ServerError error)
    {
        FlushLocked();
        _closing = true;
        ClearSubscriptionsLocked();
        _outbox.Enqueue(_deliveryDelay, sink => sink.Send(Frames.Error(error), false));
        _outbox.Enqueue(_deliveryDelay + Options.ErrorCloseDelay, sink =>
        {
            // NB: recorded before the close goes out, so a client that has seen the close finds it in the log (closing
            // first let a loopback test read the record before it was written).
            End(1000);
            sink.Close(1000);
        });
    }

    private void SendLocked(byte[] frame)
    {
        if (!_stalled && !_closing)
        {
            _outbox.Enqueue(_deliveryDelay, sink => sink.Send(frame, false));
        }
    }

    private void End(int closeCode)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _timers.Dispose();
            ClearSubscriptionsLocked();
            _outbox.End();
        }

        _hub.RecordClosed(Id, closeCode);
    }
}
