using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Subscriptions;

/// <summary>
/// Routes decoded messages to the feeds of their keys through one dictionary lookup, so the cost per
/// message does not grow with the number of other keys or subscribers.
/// </summary>
internal sealed class Router(IScheduler clock)
{
    private readonly ConcurrentDictionary<StreamKey, KeyFeed> _feeds = new();
    private long _duplicates;
    private long _unrouted;
    private Exception? _completed;

    /// <summary>Messages dropped as duplicates since the router was made.</summary>
    public long DuplicatesDropped => Interlocked.Read(ref _duplicates);

    /// <summary>Counts a trade dropped as a duplicate before it reached the router (one the trade backfill had already
    /// delivered from REST): as a duplicate when its key has a feed, as unrouted otherwise, as routing it would have.</summary>
    public void CountDuplicate(Trade trade) =>
        Interlocked.Increment(ref _feeds.ContainsKey(StreamKey.Trade(trade.Code)) ? ref _duplicates : ref _unrouted);

    /// <summary>Market messages for which no subscriber or snapshot call was waiting (e.g. trailing frames of an old union).</summary>
    public long Unrouted => Interlocked.Read(ref _unrouted);

    /// <summary>Route keys that have a feed now (a subscriber or a waiting snapshot call).</summary>
    public int FeedCount => _feeds.Count;

    /// <summary>
    /// The key a message is routed by: orderbooks by code and level (all unit counts share one wire
    /// stream; each subscriber trims to its depth), everything else by its subscription key.
    /// </summary>
    public static StreamKey RouteKeyOf(StreamKey subscriptionKey) =>
        subscriptionKey.Kind == StreamKind.Orderbook ? subscriptionKey with { OrderbookUnits = 0 } : subscriptionKey;

    /// <summary>Routes one decoded message. Control messages are not routed here.</summary>
    public void Publish(UpbitMessage message) => Publish(message, clock.Now);

    /// <summary>Routes one decoded message received at <paramref name="now"/> (the client's scheduler clock, read once
    /// per frame by the receive loop).</summary>
    public void Publish(UpbitMessage message, DateTimeOffset now)
    {
        switch (message)
        {
            case Ticker t:
                Deliver(StreamKey.Ticker(t.Code), t, now);
                break;
            case Trade t:
                Deliver(StreamKey.Trade(t.Code), t, now);
                break;
            case Orderbook o:
                Deliver(StreamKey.Orderbook(o.Code, 0, o.Level ?? 0m), o, now);
                break;
            case Candle c:
                Deliver(StreamKey.Candle(c.Code, c.Interval), c, now);
                break;
            case MyOrder o:
                var specific = Deliver(StreamKey.MyOrder(o.Code), o, now, countMiss: false);
                if (!Deliver(StreamKey.MyOrder(), o, now, countMiss: false) && !specific)
                {
                    Interlocked.Increment(ref _unrouted);
                }

                break;
            case MyAsset a:
                Deliver(StreamKey.MyAsset(), a, now);
                break;
            case Announcement a:
                PublishAnnouncement(a, now);
                break;
        }
    }

    /// <summary>
    /// Delivers a notice to the subscribers of its category and of every category; subscribers that did not ask for
    /// bodies get it without one (another subscriber's <c>include_body</c> widens the wire, not their records).
    /// </summary>
    private void PublishAnnouncement(Announcement announcement, DateTimeOffset now)
    {
        var bare = announcement.Body is null ? announcement : announcement with { Body = null };
        var delivered = false;
        foreach (var category in (ReadOnlySpan<string>)[announcement.Category, string.Empty])
        {
            delivered |= Deliver(StreamKey.Announcement(category, includeBody: true), announcement, now, countMiss: false);
            delivered |= Deliver(StreamKey.Announcement(category), bare, now, countMiss: false);
        }

        if (!delivered)
        {
            Interlocked.Increment(ref _unrouted);
        }
    }

    /// <summary>Attaches a sink to a route key's feed, creating the feed when needed.</summary>
    public KeyFeed Attach(StreamKey routeKey, IFeedSink sink)
    {
        while (true)
        {
            ThrowIfCompleted();
            var feed = _feeds.GetOrAdd(routeKey, k => new KeyFeed(k, Retire));
            if (feed.TryAttach(sink))
            {
                if (Volatile.Read(ref _completed) is not null)
                {
                    feed.Detach(sink);
                    ThrowIfCompleted();
                }

                return feed;
            }
        }
    }

    /// <summary>Registers a wait for the next value of a route key (a snapshot call).</summary>
    public (KeyFeed Feed, Task<UpbitMessage> Next) WaitNext(StreamKey routeKey)
    {
        while (true)
        {
            ThrowIfCompleted();
            var feed = _feeds.GetOrAdd(routeKey, k => new KeyFeed(k, Retire));
            if (feed.TryWaitNext(out var next))
            {
                if (Volatile.Read(ref _completed) is not null)
                {
                    feed.CancelWait(next);
                    ThrowIfCompleted();
                }

                return (feed, next);
            }
        }
    }

    /// <summary>When a route key last published a message, if it has a feed and published anything.</summary>
    public DateTimeOffset? LastPublished(StreamKey routeKey) => _feeds.TryGetValue(routeKey, out var feed) ? feed.LastPublished : null;

    /// <summary>The latest value of a route key that has live subscribers, if any.</summary>
    public UpbitMessage? Latest(StreamKey routeKey) => _feeds.TryGetValue(routeKey, out var feed) ? feed.Latest : null;

    /// <summary>Fails the feeds whose keys match: the streams concerned by a server error.</summary>
    public void Fail(Func<StreamKey, bool> concerns, Exception error)
    {
        foreach (var (key, feed) in _feeds)
        {
            if (concerns(key))
            {
                feed.Fail(error);
            }
        }
    }

    /// <summary>Ends every stream and fails every pending snapshot call: the client was disposed.</summary>
    public void CompleteAll(Exception waiterError)
    {
        Volatile.Write(ref _completed, waiterError);
        foreach (var feed in _feeds.Values)
        {
            feed.Complete(waiterError);
        }
    }

    private bool Deliver(StreamKey key, UpbitMessage message, DateTimeOffset now, bool countMiss = true)
    {
        if (_feeds.TryGetValue(key, out var feed))
        {
            if (!feed.Publish(message, now))
            {
                Interlocked.Increment(ref _duplicates);
            }

            return true;
        }

        if (countMiss)
        {
            Interlocked.Increment(ref _unrouted);
        }

        return false;
    }

    /// <summary>
    /// NB: checked before and after every attach and wait. <see cref="CompleteAll"/> marks the router before it walks
    /// the feeds, so an attach either lands in a feed that walk completes or sees the mark and backs out.
    /// </summary>
    private void ThrowIfCompleted()
    {
        if (Volatile.Read(ref _completed) is { } error)
        {
            throw new ObjectDisposedException(nameof(UpbitClient), error.Message);
        }
    }

    private void Retire(KeyFeed feed) => _feeds.TryRemove(KeyValuePair.Create(feed.Key, feed));
}
