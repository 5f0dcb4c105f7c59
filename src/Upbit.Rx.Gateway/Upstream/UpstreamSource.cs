using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
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
/// answers a new session's snapshot.
/// </summary>
internal sealed class UpstreamSource : IMarketSource, IDisposable
{
    private readonly object _gate = new();
    private readonly UpbitClient _client;
    private readonly ISubject<UpbitMessage> _inbound = Subject.Synchronize(new Subject<UpbitMessage>());
    private readonly Subject<UpbitMessage> _outbound = new();
    private readonly Dictionary<UpstreamKey, Holding> _held = [];
    private readonly IDisposable _fanOut;
    private long _received;

    public UpstreamSource(UpbitClient client, IScheduler scheduler)
    {
        _client = client;
        _fanOut = _inbound.ObserveOn(scheduler).Subscribe(Publish);
    }

    public IObservable<UpbitMessage> Messages => _outbound;

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
        lock (_gate)
        {
            keys.ForEach(AcquireLocked);
        }

        return Disposable.Create(() =>
        {
            lock (_gate)
            {
                keys.ForEach(ReleaseLocked);
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
    }

    /// <summary>Upbit's shape of a pair code (upper-case <c>QUOTE-BASE</c>); anything else gets nothing, silently, as
    /// on Upbit, and never reaches the client (which would refuse it).</summary>
    private static bool IsCode(string code)
    {
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && dash < code.Length - 1 && code.IndexOf('-', dash + 1) < 0
            && code.All(c => c == '-' || char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
    }

    private void AcquireLocked(UpstreamKey key)
    {
        if (_held.TryGetValue(key, out var holding))
        {
            holding.Count++;
            return;
        }

        holding = new Holding();
        _held[key] = holding;
        // NB: the client never calls an observer under its locks, and _inbound only queues, so no session lock is re-entered.
        holding.Subscription = key.Open(_client).Subscribe(
            message =>
            {
                Interlocked.Increment(ref _received);
                _inbound.OnNext(message);
            },
            _ => Forget(holding));
    }

    private void ReleaseLocked(UpstreamKey key)
    {
        if (!_held.TryGetValue(key, out var holding) || --holding.Count > 0)
        {
            return;
        }

        _held.Remove(key);
        holding.Subscription.Dispose();
    }

    /// <summary>A stream the client ended with an error (an unknown code): its sessions get nothing more, as on Upbit.</summary>
    private void Forget(Holding holding)
    {
        lock (_gate)
        {
            holding.Latest = null;
        }
    }

    private void Publish(UpbitMessage message)
    {
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
