using System.Collections.Immutable;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Upbit.Rx.Connection;

/// <summary>
/// What the client tells the outside: connection states (the current one per endpoint replayed to each new
/// subscriber), handled errors, and the counters behind health and metrics.
/// </summary>
internal sealed class ClientSignals(ILogger? logger = null) : IDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly Lock _gate = new();
    private readonly Subject<ConnectionState> _states = new();
    private readonly Subject<UpbitError> _errors = new();
    private ImmutableDictionary<string, ConnectionState> _current = ImmutableDictionary<string, ConnectionState>.Empty;
    private long _frames;
    private long _bytes;
    private long _messages;
    private long _malformed;
    private long _subscriberFaults;
    private long _serverErrors;
    private long _reconnects;
    private long _requests;

    public IObservable<ConnectionState> States => Observable.Create<ConnectionState>(observer =>
    {
        // NB: subscribe and read the current states under the gate that publishing also takes, so no state
        // change can fall between the replay and the live feed.
        lock (_gate)
        {
            foreach (var state in _current.Values.OrderBy(s => s.Endpoint, StringComparer.Ordinal))
            {
                observer.OnNext(state);
            }

            return _states.Subscribe(observer);
        }
    });

    public IObservable<UpbitError> Errors => _errors.AsObservable();

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

    public long Frames => Interlocked.Read(ref _frames);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Messages => Interlocked.Read(ref _messages);

    public long Malformed => Interlocked.Read(ref _malformed);

    public long SubscriberFaults => Interlocked.Read(ref _subscriberFaults);

    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long Requests => Interlocked.Read(ref _requests);

    public void State(ConnectionState state)
    {
        lock (_gate)
        {
            if (_current.TryGetValue(state.Endpoint, out var previous) && previous == state)
            {
                return;
            }

            if (state.Status == ConnectionStatus.Reconnecting)
            {
                Interlocked.Increment(ref _reconnects);
            }

            _current = _current.SetItem(state.Endpoint, state);
            ClientLog.StateChanged(_logger, state);
            _states.OnNext(state);
        }
    }

    public void Error(UpbitError error)
    {
        switch (error.Kind)
        {
            case UpbitErrorKind.MalformedFrame:
                Interlocked.Increment(ref _malformed);
                break;
            case UpbitErrorKind.SubscriberFault:
                Interlocked.Increment(ref _subscriberFaults);
                break;
            case UpbitErrorKind.ServerError:
                Interlocked.Increment(ref _serverErrors);
                break;
        }

        ClientLog.Problem(_logger, error.Kind, error.Endpoint, error.Message, error.Exception);
        lock (_gate)
        {
            _errors.OnNext(error);
        }
    }

    public void FrameReceived(int bytes)
    {
        Interlocked.Increment(ref _frames);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void MessageRouted() => Interlocked.Increment(ref _messages);

    public void RequestSent() => Interlocked.Increment(ref _requests);

    public void Dispose()
    {
        lock (_gate)
        {
            _states.OnCompleted();
            _errors.OnCompleted();
            _states.Dispose();
            _errors.Dispose();
        }
    }
}
