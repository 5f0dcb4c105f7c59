using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Connection;

internal sealed partial class ConnectionSupervisor
{
    private void Connect()
    {
        try
        {
            ConnectNow();
        }
        finally
        {
            PublishStates();
        }
    }

    private void ConnectNow()
    {
        long generation;
        TransportRequest request;
        SingleAssignmentDisposable holder;
        ReceiveContext context;
        lock (_gate)
        {
            if (_phase is not (ConnectionPhase.Idle or ConnectionPhase.WaitingToRetry))
            {
                return;
            }

            generation = ++_generation;
            context = new ReceiveContext(generation, c => FramePipeline.OnThreadPool(
                frame => OnDecoded(c, frame),
                _options.DecodeInParallel,
                ex => OnDropped(c.Generation, "failed to route a frame: " + ex.Message, ex)));
            IReadOnlyList<KeyValuePair<string, string>> headers;
            try
            {
                headers = _headers();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                GoIdle("cannot sign the connection: " + ex.Message);
                var fatal = new UpbitException(UpbitClientCondition.InvalidCredentials, "cannot sign the connection: " + ex.Message, ex);
                _scheduler.Schedule(() => _router.Fail(_owns, fatal));
                return;
            }

            _phase = ConnectionPhase.Connecting;
            request = new TransportRequest(_endpoint, headers, _options.Compression, _options.MaxMessageBytes);
            _timer.Disposable = _scheduler.Schedule(_options.ConnectTimeout, () => OnDropped(generation, $"connect timed out after {_options.ConnectTimeout.TotalSeconds:0.#} s", null));

            // NB: the holder is parked before the gate is released, so a Dispose racing this connect closes the socket
            // that the subscription below opens (a disposed holder disposes what it is given).
            holder = new SingleAssignmentDisposable();
            _connection.Disposable = holder;
            Announce(ConnectionStatus.Connecting, _attempt);
        }

        holder.Disposable = _transport.Connect(request).Subscribe(
            e => OnEvent(context, e),
            ex =>
            {
                context.FlushPipeline();
                OnDropped(generation, Describe(ex), ex);
            },
            () =>
            {
                context.FlushPipeline();
                OnDropped(generation, "closed by the server", null);
            });
    }

    private void OnOpened(ReceiveContext context, UpbitTransportChannel channel)
    {
        var generation = context.Generation;
        ReceiveContext? previous;
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            (previous, _routedContext) = (_routedContext, context);
        }

        // NB: outside the gate: a frame of the replaced connection may still be in its subscribers' handlers. Once
        // this returns none of it is routed any more, so nothing old follows anything of this connection.
        if (previous is { IsRouting: true })
        {
            Interlocked.Increment(ref _routingWaits);
            previous.AwaitRouted();
        }
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            _phase = ConnectionPhase.Open;
            _channel = channel;
            _attempt = 0;
            _connectedAt = _scheduler.Now;
            _confirmed.Reset();
            _pacer = new Pacer(_scheduler, _options.MaxRequestsPerSecond, _options.MaxRequestsPerMinute, () => BuildRequest(generation), text => SendNow(generation, text), windowMargin: _options.RateLimitMargin);
            MarkTraffic(received: true);
            MarkTraffic(received: false);
            ScheduleHealthCheck(generation);
            DisarmFallback();

            // NB: before anything is sent on this connection, so its first trades find their codes armed.
            TellBackfill(reconnected: true);

            // NB: a PING before the first subscription starts Upbit's 10 s UP cycle, so even a quiet union keeps
            // frames flowing and the idle watchdog stays meaningful. It is a text frame, so Upbit counts it like a
            // request: it goes through the pacer, ahead of the union.
            _pacer.Enqueue(Ping, beforeUnion: true);
            if (HasWork())
            {
                _pacer.Signal();
            }
            else
            {
                StartLinger();
            }

            Announce(ConnectionStatus.Connected);
        }

        PublishStates();
    }

    /// <summary>
    /// The connection of <paramref name="generation"/> ended (or must end): tear it down and reconnect with backoff
    /// while there is work. <paramref name="report"/> is <see langword="false"/> when the cause was already reported.
    /// </summary>
    private void OnDropped(long generation, string reason, Exception? error, bool report = true)
    {
        UpbitException? fatal = null;
        lock (_gate)
        {
            if (generation != _generation || _phase == ConnectionPhase.Disposed)
            {
                return;
            }

            _generation++;
            TearDown();

            // NB: a connection that opened and then met a server error before any data flowed does not reset
            // the retry count: consecutive server errors escalate the backoff (and reach MaxRetryAttempts) like
            // failed connects do, so a rejection that keeps coming cannot turn into a tight reconnect loop.
            var next = Math.Max(_attempt, Volatile.Read(ref _serverErrorStreak) - 1) + 1;
            if (!HasWork())
            {
                _phase = ConnectionPhase.Idle;
                _attempt = 0;
                DisarmFallback();
                _serverErrorStreak = 0;
                Announce(ConnectionStatus.Disconnected, reason: reason);
            }
            else if (!Backoff.ShouldRetry(_options.Reconnect, next))
            {
                _phase = ConnectionPhase.Idle;
                var text = $"gave up after {next} failed attempts: {reason}";
                _attempt = 0;
                DisarmFallback();
                _serverErrorStreak = 0;
                Announce(ConnectionStatus.Disconnected, reason: text);
                fatal = new UpbitException(UpbitClientCondition.ConnectionFailed, text, error ?? new IOException(reason));
            }
            else
            {
                _attempt = next;
                var delay = Backoff.Delay(_options.Reconnect, _attempt, _random);
                _phase = ConnectionPhase.WaitingToRetry;
                var retryGeneration = _generation;
                _timer.Disposable = _scheduler.Schedule(delay, () => Retry(retryGeneration));
                ArmFallback();
                Announce(ConnectionStatus.Reconnecting, _attempt, delay, reason);
            }
        }

        PublishStates();
        if (report)
        {
            _signals.Error(new UpbitError(UpbitErrorKind.ConnectionFault, _name, reason, error));
        }

        if (fatal is not null)
        {
            _router.Fail(_owns, fatal);
        }
    }

    private void Retry(long generation)
    {
        var idle = false;
        lock (_gate)
        {
            if (generation != _generation || _phase != ConnectionPhase.WaitingToRetry)
            {
                return;
            }

            if (!HasWork())
            {
                GoIdle("no subscribers");
                idle = true;
            }
        }

        PublishStates();
        if (!idle)
        {
            Connect();
        }
    }

    /// <summary>Closes everything and resets the retry budget. Must hold the gate.</summary>
    private void GoIdle(string reason)
    {
        _phase = ConnectionPhase.Idle;
        _attempt = 0;
        _serverErrorStreak = 0;
        _generation++;
        TearDown();
        DisarmFallback();
        Announce(ConnectionStatus.Disconnected, reason: reason);
    }

    private void TearDown()
    {
        // NB: without this, a receive loop waiting for room (or flushing the line at the connection's end) behind a
        // subscriber stuck on a decoding worker would wait as long as that subscriber; stopped, it goes back to its
        // socket, which the line below closes.
        _routedContext?.StopPipeline();
        _timer.Disposable = null;
        _lingerTimer.Disposable = null;
        _pacerWaitsClosed += _pacer?.Waits ?? 0;
        _pacer?.Dispose();
        _pacer = null;
        _connectedAt = null;
        _channel = null;
        _connection.Disposable = null;
    }

    private static string Describe(Exception error) => error switch
    {
        System.Net.WebSockets.WebSocketException ws => $"socket error ({ws.WebSocketErrorCode}): {ws.Message}",
        _ => error.Message,
    };
}
