using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Upbit.Rx.Server;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Gateway.Upstream;

/// <summary>
/// The gateway's market source: one upstream <see cref="UpbitClient"/> stream per key any downstream session holds,
/// ref-counted here (so N sessions of one key are one client subscriber) and by the client (so all keys are one wire
/// union, paced within Upbit's limits, with the client's linger, reconnects and trade backfill). Upstream values are
/// fanned out on the scheduler, one at a time and outside every lock; the last value of each held key is the cache that
/// answers a new session's snapshot. An upstream stream that ends for good (an error other than an unknown code, or
/// completion because the client was disposed) is dropped from the held set and reported on <see cref="Failures"/>, in
/// order after the values it delivered, so the gateway can tell the sessions that held it.
/// </summary>
internal sealed class UpstreamSource : IMarketSource, IDisposable
{
    private readonly object _gate = new();
    private readonly UpbitClient _client;
    private readonly ISubject<(UpbitMessage? Message, UpstreamFailure? Failure)> _inbound = Subject.Synchronize(new Subject<(UpbitMessage?, UpstreamFailure?)>());
    private readonly Subject<UpbitMessage> _outbound = new();
    private readonly Subject<UpstreamFailure> _failures = new();
    private readonly Dictionary<UpstreamKey, Holding> _held = [];
    private readonly IDisposable _fanOut;
    private long _received;

    public UpstreamSource(UpbitClient client, IScheduler scheduler)
    {
        _client = client;
        _fanOut = _inbound.ObserveOn(scheduler).Subscribe(Publish);
    }

    public IObservable<UpbitMessage> Messages => _outbound;

    /// <summary>Hot: upstream streams that ended for good, on the scheduler, after their last value, outside every lock.</summary>
    public IObservable<UpstreamFailure> Failures => _failures;

    /// <summary>Messages received from the upstream client so far.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>How many upstream keys are held now.</summary>
    public int HeldKeys
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    public IDisposable Hold(IReadOnlyList<TypeSubscription> subscriptions)
    {
        var keys = subscriptions
            .Where(s => s.Type is DataType.Ticker or DataType.Trade or DataType.Orderbook or DataType.Candle)
            .SelectMany(s => s.Targets.Where(t => IsCode(t.Code)).Select(t => UpstreamKey.Of(s, t.Code)))
            .Distinct()
            .ToList();
        List<Holding> holdings;
        lock (_gate)
        {
            holdings = keys.ConvertAll(AcquireLocked);
        }

        return new HoldTicket(holdings, () =>
        {
            lock (_gate)
            {
                holdings.ForEach(ReleaseLocked);
            }
        });
    }

    public bool Serves(TypeSubscription subscription, CodeTarget target) => IsCode(target.Code);

    public bool TrySnapshot(TypeSubscription subscription, CodeTarget target, out UpbitMessage? snapshot)
    {
        snapshot = null;
        if (!Serves(subscription, target))
        {
            return false;
        }

        lock (_gate)
        {
            snapshot = _held.GetValueOrDefault(UpstreamKey.Of(subscription, target.Code))?.Latest;
        }

        return true;
    }

    public Orderbook? Reshape(Orderbook book, int units, decimal level) =>
        (book.Level ?? 0m) != level ? null
        : book.Units.Length <= units ? book
        : book with { Units = ImmutableArray.Create(book.Units, 0, units) };

    public void Dispose()
    {
        _fanOut.Dispose();
        lock (_gate)
        {
            foreach (var holding in _held.Values)
            {
                holding.Subscription.Dispose();
            }

            _held.Clear();
        }

        _outbound.OnCompleted();
        _failures.OnCompleted();
    }

    /// <summary>Upbit's shape of a pair code (upper-case <c>QUOTE-BASE</c>); anything else gets nothing, silently, as
    /// on Upbit, and never reaches the client (which would refuse it).</summary>
    private static bool IsCode(string code)
    {
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && dash < code.Length - 1 && code.IndexOf('-', dash + 1) < 0
            && code.All(c => c == '-' || char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
    }

    private Holding AcquireLocked(UpstreamKey key)
    {
        if (_held.TryGetValue(key, out var holding))
        {
            holding.Count++;
            return holding;
        }

        holding = new Holding(key);
        _held[key] = holding;
        try
        {
            // NB: the client never calls an observer under its locks, and _inbound only queues, so no session lock is re-entered.
            holding.Subscription = key.Open(_client).Subscribe(
                message =>
                {
                    Interlocked.Increment(ref _received);
                    _inbound.OnNext((message, null));
                },
                error => End(holding, error),
                () => End(holding, null));
        }
        catch (ObjectDisposedException ex)
        {
            // NB: the client was disposed before this hold: the session learns it as the holders of a live key would.
            End(holding, ex);
        }

        return holding;
    }

    private void ReleaseLocked(Holding holding)
    {
        if (--holding.Count > 0)
        {
            return;
        }

        if (_held.TryGetValue(holding.Key, out var current) && ReferenceEquals(current, holding))
        {
            _held.Remove(holding.Key);
        }

        holding.Subscription.Dispose();
    }

    /// <summary>
    /// A stream the client ended. An unknown code gets nothing more, silently, as on Upbit. Anything else ends the
    /// holding: it leaves the held set (the next hold of the key subscribes upstream afresh) and its holders are told.
    /// </summary>
    private void End(Holding holding, Exception? error)
    {
        lock (_gate)
        {
            holding.Latest = null;
            if (error is UnknownMarketCodeException)
            {
                return;
            }

            if (_held.TryGetValue(holding.Key, out var current) && ReferenceEquals(current, holding))
            {
                _held.Remove(holding.Key);
            }
        }

        _inbound.OnNext((null, new UpstreamFailure(holding.Key, holding, error)));
    }

    private void Publish((UpbitMessage? Message, UpstreamFailure? Failure) item)
    {
        if (item.Failure is { } failure)
        {
            _failures.OnNext(failure);
            return;
        }

        var message = item.Message!;
        if (UpstreamKey.Of(message) is { } key)
        {
            lock (_gate)
            {
                if (_held.TryGetValue(key, out var holding))
                {
                    holding.Latest = message;
                }
            }
        }

        _outbound.OnNext(message);
    }
}
