using System.Reactive.Disposables;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>Subscriptions: each request replaces the whole set; one SNAPSHOT per code per type object, then REALTIME.</summary>
internal sealed partial class ExchangeSession
{
    private static readonly IReadOnlyList<Route> s_noRoutes = [];
    private IReadOnlyList<TypeSubscription> _subscriptions = [];
    private Dictionary<(DataType, CandleInterval, string), List<Route>> _routes = [];
    private List<Route> _allCodeRoutes = [];
    private IDisposable _hold = Disposable.Empty;

    /// <summary>A market or private message; sent to every route of this connection that wants it.</summary>
    public void Deliver(UpbitMessage message)
    {
        lock (_gate)
        {
            if (_closing || _ended)
            {
                return;
            }

            List<Route>? finished = null;
            foreach (var route in RoutesFor(message))
            {
                if (ReferenceEquals(route.SnapshotOrigin, message))
                {
                    continue;
                }

                var shaped = Shape(route, message);
                if (shaped is null)
                {
                    continue;
                }

                route.SnapshotOrigin = null;
                if (route.AwaitingFirst)
                {
                    route.AwaitingFirst = false;
                    shaped = Snapshots.Mark(shaped);
                    if (route.Subscription.OnlySnapshot)
                    {
                        (finished ??= []).Add(route);
                    }
                }
                else
                {
                    shaped = Snapshots.Realtime(shaped);
                }

                SendDataLocked(shaped);
            }

            finished?.ForEach(RemoveRouteLocked);
        }
    }

    private void ApplyLocked(ClientRequest request)
    {
        FlushLocked();
        if (request.Format is { } format)
        {
            _format = format;
        }
        else if (!request.IsListSubscriptions && Options.MissingFormatResetsToDefault)
        {
            _format = WireFormat.Default;
        }

        if (request.IsListSubscriptions)
        {
            SendLocked(Frames.Subscriptions(_subscriptions, request.Ticket, _format));
            return;
        }

        // NB: the new hold is taken before the old one goes, so keys in both requests never leave the source.
        var previous = _hold;
        _hold = IsPrivate ? Disposable.Empty : _hub.Source.Hold(request.Types);
        previous.Dispose();
        _subscriptions = request.Types;
        _routes = [];
        _allCodeRoutes = [];
        foreach (var subscription in request.Types)
        {
            if (subscription.Type is DataType.MyAsset or DataType.Announcement
                || (subscription.Type == DataType.MyOrder && subscription.Targets.Count == 0))
            {
                _allCodeRoutes.Add(new Route(subscription, default));
                continue;
            }

            foreach (var target in subscription.Targets.DistinctBy(t => t.Code))
            {
                var route = new Route(subscription, target);
                if (!IsPrivate && !OpenLocked(route))
                {
                    continue;
                }

                if (!subscription.OnlySnapshot || route.AwaitingFirst)
                {
                    var key = (subscription.Type, subscription.Interval, target.Code);
                    if (!_routes.TryGetValue(key, out var list))
                    {
                        _routes[key] = list = [];
                    }

                    list.Add(route);
                }
            }
        }
    }

    /// <summary>Sends a public route's snapshot, or marks it to take its first message as one.</summary>
    /// <returns><see langword="false"/> when the source does not serve the target (it gets nothing, silently).</returns>
    private bool OpenLocked(Route route)
    {
        var subscription = route.Subscription;
        if (subscription.OnlyRealtime)
        {
            return _hub.Source.Serves(subscription, route.Target);
        }

        if (!_hub.Source.TrySnapshot(subscription, route.Target, out var current))
        {
            return false;
        }

        if (current is null)
        {
            route.AwaitingFirst = true;
            return true;
        }

        // NB: a value the source cannot cut to this route's depth and level is treated like an unserved target.
        if (Shape(route, current) is not { } shaped)
        {
            return false;
        }

        route.SnapshotOrigin = current;
        SendDataLocked(Snapshots.Mark(shaped));
        return true;
    }

    private void RemoveRouteLocked(Route route)
    {
        var key = (route.Subscription.Type, route.Subscription.Interval, route.Target.Code);
        if (_routes.TryGetValue(key, out var list) && list.Remove(route) && list.Count == 0)
        {
            _routes.Remove(key);
        }
    }

    private void ClearSubscriptionsLocked()
    {
        _subscriptions = [];
        _routes = [];
        _allCodeRoutes = [];
        _hold.Dispose();
        _hold = Disposable.Empty;
    }

    private IEnumerable<Route> RoutesFor(UpbitMessage message)
    {
        var key = message switch
        {
            Ticker t => (DataType.Ticker, CandleInterval.OneSecond, t.Code),
            Trade t => (DataType.Trade, CandleInterval.OneSecond, t.Code),
            Orderbook o => (DataType.Orderbook, CandleInterval.OneSecond, o.Code),
            Candle c => (DataType.Candle, c.Interval, c.Code),
            MyOrder o => (DataType.MyOrder, CandleInterval.OneSecond, o.Code),
            _ => default,
        };
        var coded = key.Item3 is null ? s_noRoutes : _routes.GetValueOrDefault(key) ?? s_noRoutes;
        return _allCodeRoutes.Count == 0 ? coded : coded.Concat(_allCodeRoutes);
    }

    /// <summary>Adapts a message to one route: the route's book depth and level, the object's announcement filter.</summary>
    private UpbitMessage? Shape(Route route, UpbitMessage message)
    {
        var subscription = route.Subscription;
        if (TypeOf(message) != subscription.Type)
        {
            return null;
        }

        return message switch
        {
            Orderbook book when route.Target.Units != book.Units.Length || subscription.Level != (book.Level ?? 0m) =>
                _hub.Source.Reshape(book, route.Target.Units, subscription.Level),
            Announcement a when subscription.Categories is { } categories && !categories.Contains(a.Category) => null,
            Announcement a when !subscription.IncludeBody => a with { Body = null },
            _ => message,
        };
    }

    private static DataType? TypeOf(UpbitMessage message) => message switch
    {
        Ticker => DataType.Ticker,
        Trade => DataType.Trade,
        Orderbook => DataType.Orderbook,
        Candle => DataType.Candle,
        MyOrder => DataType.MyOrder,
        MyAsset => DataType.MyAsset,
        Announcement => DataType.Announcement,
        _ => null,
    };
}
