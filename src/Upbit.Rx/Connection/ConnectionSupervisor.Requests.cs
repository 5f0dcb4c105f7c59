using Upbit.Rx.Protocol;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Connection;

internal sealed partial class ConnectionSupervisor
{
    private Dictionary<StreamKey, int> _sentDepth = [];

    /// <summary>
    /// Builds the request the pacer is about to send: always the whole current union (law 1). Keys that already
    /// delivered data on this connection go as <c>is_only_realtime</c> so nobody gets a second snapshot (law 4);
    /// new keys, and orderbooks whose depth grew, get a snapshot; pending snapshot calls ride along as
    /// <c>is_only_snapshot</c>. Returns <see langword="null"/> when there is nothing to send.
    /// </summary>
    private string? BuildRequest(long generation)
    {
        string? request;
        lock (_gate)
        {
            if (generation != _generation || _phase != ConnectionPhase.Open)
            {
                return null;
            }

            var union = WireUnion();
            var planned = new List<PlannedKey>(union.Length + _pendingSnapshots.Count);
            var routes = new HashSet<StreamKey>();
            var depth = new Dictionary<StreamKey, int>();
            foreach (var key in union)
            {
                var route = Router.RouteKeyOf(key);
                routes.Add(route);
                if (key.Kind == StreamKind.Orderbook)
                {
                    depth[route] = key.OrderbookUnits;
                    if (_sentDepth.GetValueOrDefault(route) < key.OrderbookUnits)
                    {
                        _confirmed.Forget(route);
                    }
                }

                // NB: a key counts as live only while its feed still holds a value to hand new subscribers; a feed
                // retired and made anew (the last subscriber left and one came back) asks for a fresh snapshot.
                var live = _confirmed.Contains(route) && _router.Latest(route) is not null;
                planned.Add(live ? PlannedKey.Live(key) : PlannedKey.New(key));
            }

            _confirmed.Retain(routes);

            var snapshots = new Dictionary<StreamKey, StreamKey>();
            foreach (var key in _pendingSnapshots.Keys)
            {
                var route = Router.RouteKeyOf(key);
                if (!routes.Contains(route) && (!snapshots.TryGetValue(route, out var other) || other.OrderbookUnits < key.OrderbookUnits))
                {
                    snapshots[route] = key;
                }
            }

            planned.AddRange(snapshots.Values.Select(PlannedKey.Snapshot));

            // NB: snapshot-only keys are not "on the wire": their answers must not mark them live.
            _confirmed.Publish(routes);
            _sentDepth = depth;
            request = RequestPlanner.Plan(planned, _options.Format, "upbit-rx-" + Interlocked.Increment(ref _requestCounter).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12]);
        }

        if (request is not null)
        {
            _signals.RequestSent();
        }

        return request;
    }
}
