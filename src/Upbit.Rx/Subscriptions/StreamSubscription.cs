using System.Collections.Immutable;
using Upbit.Rx.Operators;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Subscriptions;

/// <summary>
/// One subscriber of one <c>Ticker(...)</c>/<c>Trade(...)</c>/… call: its lease on the registry, its
/// attachments to the router, and the queue that serialises what it receives from several keys.
/// </summary>
/// <remarks>
/// Isolation (law 6): an observer whose OnNext throws is detached and reported; nobody else notices.
/// NB: the observer is never called under the gate. Values, completion and failure go through one
/// <see cref="DeliveryQueue{TItem}"/>: the thread that finds it idle delivers, a thread that finds it busy queues and
/// returns. So calls never overlap, and <see cref="Dispose"/> (or the client's) never waits for an OnNext that
/// another thread is running: after it returns, at most that one call finishes and no other starts.
/// </remarks>
internal sealed class StreamSubscription<T> : IDisposable
    where T : UpbitMessage
{
    private readonly IObserver<T> _observer;
    private readonly Action<Exception> _reportFault;
    private readonly Lock _gate = new();
    private readonly DeliveryQueue<Item> _queue = new();
    private readonly Action<Item> _deliver;
    private readonly List<(KeyFeed Feed, Sink Sink)> _attachments = [];
    private IDisposable? _lease;
    private bool _stopped;
    private int _released;

    public StreamSubscription(IObserver<T> observer, Action<Exception> reportFault)
    {
        _observer = observer;
        _reportFault = reportFault;
        _deliver = Run;
    }

    /// <summary>Attaches to the router first (so a cached value is delivered at once), then takes the registry lease.</summary>
    public void Start(Router router, SubscriptionRegistry registry, IReadOnlyList<StreamKey> keys)
    {
        foreach (var key in keys)
        {
            var sink = new Sink(this, key.Kind == StreamKind.Orderbook ? key.OrderbookUnits : 0);
            var feed = router.Attach(Router.RouteKeyOf(key), sink);
            bool stopped;
            lock (_gate)
            {
                // NB: the cached value is delivered inside Attach; if it made the observer throw (or another thread
                // disposed meanwhile), the keys were already given back without this attachment, so undo it here.
                stopped = _stopped;
                if (!stopped)
                {
                    _attachments.Add((feed, sink));
                }
            }

            if (stopped)
            {
                feed.Detach(sink);
                return;
            }
        }

        // NB: park the lease first, then look at _released: a release racing this either sees the lease and disposes
        // it, or ran before the store and is caught by the check below (the exchange makes the release happen once).
        var lease = registry.Acquire([.. keys]);
        Interlocked.Exchange(ref _lease, lease);
        if (Volatile.Read(ref _released) == 1)
        {
            Interlocked.Exchange(ref _lease, null)?.Dispose();
        }
    }

    /// <summary>Stops delivery at once (without waiting for a call in progress) and gives the keys back.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            _queue.Stop();
        }

        Release();
    }

    /// <summary>Ends this subscription with <paramref name="error"/> (queued like a feed failure) unless it already stopped.</summary>
    public void Fail(Exception error) => Post(new Item(null, null, Cached: false, error));

    private void Post(Item item)
    {
        bool drain;
        bool taken;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            // NB: a terminal item is the last one accepted; the values queued before it are still delivered first.
            _stopped = item.Sink is null;
            drain = _queue.EnqueueOrTake(item, out taken);
        }

        if (item.Sink is null)
        {
            // NB: give the keys back before the observer is told, so an observer that subscribes again from its
            // handler is a real union change rather than a count that goes 1 -> 2 -> 1 unnoticed.
            Release();
        }

        if (taken)
        {
            _queue.DrainFrom(item, _gate, _deliver);
        }
        else if (drain)
        {
            _queue.Drain(_gate, _deliver);
        }
    }

    /// <summary>Delivers one item; runs on the queue's drainer, never under the gate and never concurrently.</summary>
    private void Run(Item item)
    {
        if (item.Sink is null)
        {
            try
            {
                if (item.Error is null)
                {
                    _observer.OnCompleted();
                }
                else
                {
                    _observer.OnError(item.Error);
                }
            }
            catch (Exception ex)
            {
                _reportFault(ex);
            }

            return;
        }

        if (!item.Sink.Admit(item.Message!, item.Cached))
        {
            return;
        }

        try
        {
            _observer.OnNext((T)item.Sink.Shape(item.Message!));
        }
        catch (Exception ex)
        {
            Dispose();
            _reportFault(ex);
        }
    }

    /// <summary>Detaches from the router and releases the registry lease, once.</summary>
    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        (KeyFeed Feed, Sink Sink)[] attachments;
        lock (_gate)
        {
            _stopped = true;
            attachments = [.. _attachments];
            _attachments.Clear();
        }

        // NB: release the keys before detaching: a subscriber of the same key arriving in between must see the count
        // drop to zero and rise again (a union change, so its snapshot is asked for), not a count that never moved.
        Interlocked.Exchange(ref _lease, null)?.Dispose();
        foreach (var (feed, sink) in attachments)
        {
            feed.Detach(sink);
        }
    }

    /// <summary>One queued delivery: a value of <see cref="Sink"/>, or (no sink) completion or failure.</summary>
    private readonly record struct Item(Sink? Sink, UpbitMessage? Message, bool Cached, Exception? Error);

    private sealed class Sink(StreamSubscription<T> owner, int units) : IFeedSink
    {
        private UpbitMessage? _last;

        public void OnLive(UpbitMessage message) => owner.Post(new Item(this, message, Cached: false, null));

        public void OnCached(UpbitMessage message) => owner.Post(new Item(this, message, Cached: true, null));

        public void OnFailed(Exception error) => owner.Post(new Item(null, null, Cached: false, error));

        public void OnEnded() => owner.Post(new Item(null, null, Cached: false, null));

        /// <summary>
        /// NB: a cached value may race the live flow on attach; it is delivered only if nothing came first,
        /// and a live message equal by reference to the cached one is not delivered twice.
        /// </summary>
        public bool Admit(UpbitMessage message, bool cached)
        {
            if (cached ? _last is not null : ReferenceEquals(message, _last))
            {
                return false;
            }

            _last = message;
            return true;
        }

        public UpbitMessage Shape(UpbitMessage message) =>
            units > 0 && message is Orderbook book && book.Units.Length > units
                ? book with { Units = ImmutableArray.Create(book.Units, 0, units) }
                : message;
    }
}
