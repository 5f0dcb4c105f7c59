using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Reactive.Disposables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Upbit.Rx.Connection;

/// <summary>
/// What the client tells the outside: connection states (the current one per endpoint replayed to each new
/// subscriber), handled errors, and the counters behind health and metrics.
/// </summary>
/// <remarks>
/// NB: user handlers never run under a lock. Events go into one queue that a single thread at a time drains, so
/// handlers see events in order and may call back into the client freely. A state carries the sequence number its
/// supervisor gave it under its own lock; an older state arriving late (a slow thread) is dropped, so the current
/// state is always the latest decided one.
/// </remarks>
internal sealed partial class ClientSignals : IDisposable
{
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Queue<Action> _queue = new();
    private readonly Dictionary<string, long> _sequence = [];
    private ReadOnlyDictionary<string, ConnectionState> _current = ReadOnlyDictionary<string, ConnectionState>.Empty;
    private ImmutableArray<IObserver<ConnectionState>> _stateObservers = [];
    private ImmutableArray<IObserver<UpbitError>> _errorObservers = [];
    private readonly Dictionary<string, ConnectionState> _delivered = [];
    private bool _draining;
    private bool _disposed;

    /// <summary>Creates the signals; <paramref name="logger"/> (the user's, when given) is called guarded.</summary>
    public ClientSignals(ILogger? logger = null)
    {
        // NB: a logger that throws is reported once on Errors, as a subscriber fault (it is user code), and never
        // reaches the thread that logged: a receive loop, a timer, a decoding worker of the thread pool.
        _logger = logger is null
            ? NullLogger.Instance
            : new GuardedLogger(logger, ex => Error(new UpbitError(UpbitErrorKind.SubscriberFault, "client", $"the logger threw; the client goes on and does not report it again: {ex.GetType().Name}: {ex.Message}", ex)));
    }

    /// <summary>Hot; replays the current state of every endpoint, then every change, in order; completes on dispose.</summary>
    public IObservable<ConnectionState> States => System.Reactive.Linq.Observable.Create<ConnectionState>(observer =>
    {
        var subscription = new BooleanDisposable();
        if (!Post(() =>
        {
            // NB: the replay and the registration run in queue order, so no state falls between them; a subscription
            // disposed before its turn came is simply never registered.
            if (subscription.IsDisposed)
            {
                return;
            }

            try
            {
                foreach (var state in _delivered.Values.OrderBy(s => s.Endpoint, StringComparer.Ordinal))
                {
                    observer.OnNext(state);
                }
            }
            catch (Exception ex)
            {
                ClientLog.HandlerFailed(_logger, ex);
                return;
            }

            ImmutableInterlocked.Update(ref _stateObservers, (list, o) => list.Add(o), observer);
        }))
        {
            observer.OnCompleted();
            return Disposable.Empty;
        }

        return Disposable.Create(() =>
        {
            subscription.Dispose();
            ImmutableInterlocked.Update(ref _stateObservers, (list, o) => list.Remove(o), observer);
        });
    });

    /// <summary>Hot; errors handled from the moment of subscription; completes on dispose.</summary>
    public IObservable<UpbitError> Errors => System.Reactive.Linq.Observable.Create<UpbitError>(observer =>
    {
        bool disposed;
        lock (_gate)
        {
            disposed = _disposed;
            if (!disposed)
            {
                ImmutableInterlocked.Update(ref _errorObservers, (list, o) => list.Add(o), observer);
            }
        }

        if (disposed)
        {
            // NB: told outside the gate: a handler that calls back into the client (GetHealth reads Current under
            // this gate) from another thread must not deadlock.
            observer.OnCompleted();
            return Disposable.Empty;
        }

        return Disposable.Create(() => ImmutableInterlocked.Update(ref _errorObservers, (list, o) => list.Remove(o), observer));
    });

    /// <summary>How many ConnectionStates observers are registered (diagnostics and tests).</summary>
    public int StateObserverCount => _stateObservers.Length;

    /// <summary>The latest decided state of each endpoint: a snapshot that later states never change.</summary>
    /// <remarks>NB: copy on write, under the gate: at most two endpoints, replaced a handful of times per connection, so a
    /// fresh small dictionary per change costs less than loading an immutable dictionary's tree for it.</remarks>
    public IReadOnlyDictionary<string, ConnectionState> Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="state"/> the current state of an endpoint that has none yet, for <see cref="Current"/> only:
    /// it is not delivered to <see cref="States"/>, which names an endpoint from its first published state on.
    /// </summary>
    public void Seed(ConnectionState state)
    {
        lock (_gate)
        {
            if (!_current.ContainsKey(state.Endpoint))
            {
                _current = With(_current, state);
            }
        }
    }

    /// <summary>Publishes a state decided with sequence number <paramref name="sequence"/>; older ones are dropped.</summary>
    public void State(ConnectionState state, long sequence)
    {
        lock (_gate)
        {
            if (_disposed || sequence <= _sequence.GetValueOrDefault(state.Endpoint, long.MinValue))
            {
                return;
            }

            // NB: record the newer sequence even when the state repeats the current one, so an older state that a
            // slower thread publishes afterwards is still recognised as older.
            _sequence[state.Endpoint] = sequence;
            if (_current.TryGetValue(state.Endpoint, out var previous) && previous == state)
            {
                return;
            }

            _current = With(_current, state);
            if (state.Status == ConnectionStatus.Reconnecting)
            {
                Interlocked.Increment(ref _reconnects);
            }
        }

        ClientLog.StateChanged(_logger, state);
        Post(() =>
        {
            _delivered[state.Endpoint] = state;
            Deliver(ref _stateObservers, state);
        });
    }

    public void Error(UpbitError error)
    {
        Count(error.Kind);
        ClientLog.Problem(_logger, error.Kind, error.Endpoint, error.Message, error.Exception);
        Post(() => Deliver(ref _errorObservers, error));
    }

    public void Dispose()
    {
        // NB: the completion is queued and the signals marked disposed under one lock, so every subscriber either is
        // registered before the completion runs (and completes) or arrives after it (and completes at once).
        Action complete = () =>
        {
            var states = _stateObservers;
            var errors = _errorObservers;
            _stateObservers = [];
            _errorObservers = [];
            foreach (var observer in states)
            {
                Complete(observer);
            }

            foreach (var observer in errors)
            {
                Complete(observer);
            }
        };
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _queue.Enqueue(complete);
            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        Drain();
    }

    private void Complete<T>(IObserver<T> observer)
    {
        try
        {
            observer.OnCompleted();
        }
        catch (Exception ex)
        {
            ClientLog.HandlerFailed(_logger, ex);
        }
    }

    /// <summary>Calls each observer; one that throws is dropped and logged, so it cannot stop the others or the queue.</summary>
    private void Deliver<T>(ref ImmutableArray<IObserver<T>> observers, T value)
    {
        foreach (var observer in observers)
        {
            try
            {
                observer.OnNext(value);
            }
            catch (Exception ex)
            {
                ImmutableInterlocked.Update(ref observers, (list, o) => list.Remove(o), observer);
                ClientLog.HandlerFailed(_logger, ex);
            }
        }
    }

    /// <summary>Queues an event and drains the queue unless another thread already is; false once disposed.</summary>
    private bool Post(Action deliver)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            _queue.Enqueue(deliver);
            if (_draining)
            {
                return true;
            }

            _draining = true;
        }

        Drain();
        return true;
    }

    private void Drain()
    {
        while (true)
        {
            Action next;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out next!))
                {
                    _draining = false;
                    return;
                }
            }

            try
            {
                next();
            }
            catch (Exception ex)
            {
                // NB: deliveries guard their observers; this keeps the queue alive whatever slips through.
                ClientLog.HandlerFailed(_logger, ex);
            }
        }
    }

    private static ReadOnlyDictionary<string, ConnectionState> With(ReadOnlyDictionary<string, ConnectionState> current, ConnectionState state) =>
        new(new Dictionary<string, ConnectionState>(current, StringComparer.Ordinal) { [state.Endpoint] = state });
}
