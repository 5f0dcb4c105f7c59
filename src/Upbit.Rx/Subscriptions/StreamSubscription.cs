using Upbit.Rx.Streams;

namespace Upbit.Rx.Subscriptions;

/// <summary>
/// One subscriber of one <c>Ticker(...)</c>/<c>Trade(...)</c>/… call: its lease on the registry, its
/// attachments to the router, and the gate that serializes what it receives from several keys.
/// </summary>
/// <remarks>
/// Isolation (law 6): an observer whose OnNext throws is detached and reported; nobody else notices.
/// </remarks>
internal sealed class StreamSubscription<T> : IDisposable
    where T : UpbitMessage
{
    private readonly IObserver<T> _observer;
    private readonly Action<Exception> _reportFault;
    private readonly Lock _gate = new();
    private readonly List<(KeyFeed Feed, Sink Sink)> _attachments = [];
    private IDisposable? _lease;
    private bool _stopped;
    private int _disposed;

    public StreamSubscription(IObserver<T> observer, Action<Exception> reportFault)
    {
        _observer = observer;
        _reportFault = reportFault;
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
                // disposed meanwhile), Dispose already ran without this attachment, so undo it here.
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

        // NB: park the lease first, then look at _disposed: a Dispose racing this either sees the lease and releases
        // it, or ran before the store and is caught by the check below (the exchange makes the release happen once).
        var lease = registry.Acquire([.. keys]);
        Interlocked.Exchange(ref _lease, lease);
        if (Volatile.Read(ref _disposed) == 1)
        {
            Interlocked.Exchange(ref _lease, null)?.Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
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

    private void Deliver(Sink sink, UpbitMessage message, bool cached)
    {
        Exception? fault = null;
        lock (_gate)
        {
            if (_stopped || !sink.Admit(message, cached))
            {
                return;
            }

            try
            {
                _observer.OnNext((T)sink.Shape(message));
            }
            catch (Exception ex)
            {
                _stopped = true;
                fault = ex;
            }
        }

        if (fault is not null)
        {
            Dispose();
            _reportFault(fault);
        }
    }

    private void End()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        // NB: give the keys back before telling the observer, so an observer that subscribes again from its handler
        // is a real union change rather than a count that goes 1 -> 2 -> 1 unnoticed.
        Dispose();
        try
        {
            _observer.OnCompleted();
        }
        catch (Exception ex)
        {
            _reportFault(ex);
        }
    }

    /// <summary>Ends this subscription with <paramref name="error"/> unless it already stopped; keys are released first.</summary>
    public void Fail(Exception error)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        // NB: give the keys back before telling the observer, so an observer that subscribes again from its handler
        // is a real union change rather than a count that goes 1 -> 2 -> 1 unnoticed.
        Dispose();
        try
        {
            _observer.OnError(error);
        }
        catch (Exception ex)
        {
            _reportFault(ex);
        }
    }

    private sealed class Sink(StreamSubscription<T> owner, int units) : IFeedSink
    {
        private UpbitMessage? _last;

        public void OnLive(UpbitMessage message) => owner.Deliver(this, message, cached: false);

        public void OnCached(UpbitMessage message) => owner.Deliver(this, message, cached: true);

        public void OnFailed(Exception error) => owner.Fail(error);

        public void OnEnded() => owner.End();

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
            units > 0 && message is Orderbook book && book.Units.Count > units
                ? book with { Units = [.. book.Units.Take(units)] }
                : message;
    }
}
