using System.Collections.Concurrent;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Connection;

/// <summary>
/// One connection's record of which route keys have delivered data on it (so a resend asks them for realtime only, law 4),
/// and the <see cref="OnWire"/> of the last request sent. The receive loop calls <see cref="Confirm"/>, one message at a
/// time; the request planner calls the rest under the supervisor's gate, concurrently with it.
/// </summary>
internal sealed class ConfirmedRoutes
{
    private readonly ConcurrentDictionary<StreamKey, byte> _confirmed = new();
    private volatile OnWire _onWire = OnWire.None;

    /// <summary>Whether <paramref name="route"/> has delivered data on the connection (and was not forgotten since).</summary>
    public bool Contains(StreamKey route) => _confirmed.ContainsKey(route);

    /// <summary>
    /// Records that the route of <paramref name="message"/> delivered data, if it is a route of the last request sent.
    /// Called by the receive loop only, one message at a time.
    /// </summary>
    public void Confirm(UpbitMessage message)
    {
        // NB: once every key of the last request has delivered there is nothing left to confirm until the next one.
        var onWire = _onWire;
        if (onWire.AllConfirmed)
        {
            return;
        }

        StreamKey? key = message switch
        {
            Ticker t => StreamKey.Ticker(t.Code),
            Trade t => StreamKey.Trade(t.Code),
            Orderbook o => StreamKey.Orderbook(o.Code, 0, o.Level ?? 0m),
            Candle c => StreamKey.Candle(c.Code, c.Interval),
            _ => null,
        };

        // NB: only keys of the last request count; trailing frames of an older union must not mark a key that
        // a later request will re-add, or its new subscribers would never get a snapshot.
        // NB: looked up before adding: TryAdd takes a bucket lock even when the key is there, which it is for every
        // message after a key's first (measured: about 2.5% of a ticker's receive path).
        if (key is { } k && !_confirmed.ContainsKey(k) && onWire.Keys.Contains(k) && _confirmed.TryAdd(k, 0))
        {
            onWire.Confirmed();
        }
    }

    /// <summary>Forgets that <paramref name="route"/> delivered (an order book whose depth grew needs its snapshot again).</summary>
    /// <remarks>NB: the current <see cref="OnWire"/> is retired first: the receive loop may confirm the route again before
    /// the next request is published (a trailing frame), and that instance would count it twice.</remarks>
    public void Forget(StreamKey route)
    {
        _onWire.Retire();
        _confirmed.TryRemove(route, out _);
    }

    /// <summary>Forgets every route not in <paramref name="routes"/> (the union no longer has them).</summary>
    public void Retain(HashSet<StreamKey> routes)
    {
        foreach (var confirmed in _confirmed.Keys)
        {
            if (!routes.Contains(confirmed))
            {
                Forget(confirmed);
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="routes"/> the route keys of the request about to be sent (never changed afterwards; the next
    /// request publishes its own), counting those already confirmed.
    /// </summary>
    public void Publish(HashSet<StreamKey> routes)
    {
        var confirmed = 0;
        foreach (var route in routes)
        {
            confirmed += _confirmed.ContainsKey(route) ? 1 : 0;
        }

        _onWire = new OnWire(routes, confirmed);
    }

    /// <summary>A new connection: nothing has delivered on it and nothing is on its wire yet.</summary>
    public void Reset()
    {
        _onWire.Retire();
        _confirmed.Clear();
        _onWire = OnWire.None;
    }
}
