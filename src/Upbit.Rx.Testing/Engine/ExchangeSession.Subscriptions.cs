using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Engine;

/// <summary>Subscriptions: each request replaces the whole set; one SNAPSHOT per code per type object, then REALTIME.</summary>
internal sealed partial class ExchangeSession
{
    private static readonly IReadOnlyList<Route> s_noRoutes = [];
    private IReadOnlyList<TypeSubscription> _subscriptions = [];
    private Dictionary<(DataType, CandleInterval, string), List<Route>> _routes = [];
    private List<Route> _allCodeRoutes = [];

    /// <summary>A market or private message; sent to every route of this connection that wants it.</summary>
    public void Deliver(UpbitMessage message)
    {
        lock (_gate)
        {
            if (_closing || _ended)
            {
                return;
            }

            foreach (var route in RoutesFor(message))
            {
                var shaped = Shape(route, message);
                if (shaped is not null)
                {
                    SendDataLocked(shaped);
                }
            }
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
                if (!IsPrivate && !Serves(subscription, target))
                {
                    continue;
                }

                if (!subscription.OnlyRealtime && !IsPrivate)
                {
                    // NB: fetched once; a book the market cannot build is treated like any other unserved target.
                    if (Snapshot(subscription, target) is not { } snapshot)
                    {
                        continue;
                    }

                    SendDataLocked(snapshot);
                }

                if (!subscription.OnlySnapshot)
                {
                    var key = (subscription.Type, subscription.Interval, target.Code);
                    if (!_routes.TryGetValue(key, out var list))
                    {
                        _routes[key] = list = [];
                    }

                    list.Add(new Route(subscription, target));
                }
            }
        }
    }

    private void ClearSubscriptionsLocked()
    {
        _subscriptions = [];
        _routes = [];
        _allCodeRoutes = [];
    }

    /// <summary>Whether the market has data for this code under this object's options (unknown or lower-case codes,
    /// unsupported levels and non-zero levels on non-KRW pairs get nothing, silently).</summary>
    private bool Serves(TypeSubscription subscription, CodeTarget target) =>
        _hub.Market.IsListed(target.Code)
        && (subscription.Type != DataType.Orderbook || _hub.Market.SupportedLevels(target.Code).Contains(subscription.Level));

    private UpbitMessage? Snapshot(TypeSubscription subscription, CodeTarget target) => subscription.Type switch
    {
        DataType.Ticker => _hub.Market.Ticker(target.Code),
        DataType.Trade => _hub.Market.Trade(target.Code),
        DataType.Orderbook => _hub.Market.Orderbook(target.Code, target.Units, subscription.Level),
        _ => _hub.Market.Candle(target.Code, subscription.Interval),
    };

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
            Orderbook book when route.Target.Units != book.Units.Count || subscription.Level != (book.Level ?? 0m) =>
                _hub.Market.Orderbook(book.Code, route.Target.Units, subscription.Level, StreamType.Realtime),
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
