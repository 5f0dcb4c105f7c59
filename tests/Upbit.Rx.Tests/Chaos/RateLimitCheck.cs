namespace Upbit.Rx.Tests.Chaos;

/// <summary>Upbit's budgets, from what the exchange saw: per connection at most 5 text frames in any 1 s and 100 in
/// any 60 s, and per endpoint at most 5 upgrade attempts in any 1 s. Checks each frame and attempt once. A window that
/// is over only because of its <c>PING</c>s is a <see cref="ChaosInvariant.PingInBudget"/> violation; one over without
/// them a <see cref="ChaosInvariant.FrameBudget"/> violation.</summary>
internal sealed class RateLimitCheck(ChaosWorld world)
{
    private readonly Dictionary<int, List<(long Ticks, string Text)>> _frames = [];
    private readonly Dictionary<int, List<(long Ticks, string Text)>> _requests = [];
    private readonly Dictionary<string, List<(long Ticks, string Text)>> _upgrades = new(StringComparer.Ordinal);
    private int _framesSeen;
    private int _upgradesSeen;

    public void Check()
    {
        var requests = world.Exchange.Requests;
        for (; _framesSeen < requests.Count; _framesSeen++)
        {
            var request = requests[_framesSeen];
            if (!_frames.TryGetValue(request.ConnectionId, out var times))
            {
                _frames[request.ConnectionId] = times = [];
            }

            if (!_requests.TryGetValue(request.ConnectionId, out var nonPing))
            {
                _requests[request.ConnectionId] = nonPing = [];
            }

            var frame = (request.Ticks, Shorten(request.Text));
            times.Add(frame);
            var isPing = request.Text == "PING";
            if (!isPing)
            {
                nonPing.Add(frame);
            }

            foreach (var (limit, window) in new[] { (5, TimeSpan.FromSeconds(1)), (100, TimeSpan.FromSeconds(60)) })
            {
                var what = $"conn#{request.ConnectionId} text frames";
                if (isPing || !Window(nonPing, limit, window, ChaosInvariant.FrameBudget, what))
                {
                    Window(times, limit, window, ChaosInvariant.PingInBudget, what + " (PING included)");
                }
            }
        }

        var upgrades = world.Exchange.Upgrades;
        for (; _upgradesSeen < upgrades.Count; _upgradesSeen++)
        {
            var attempt = upgrades[_upgradesSeen];
            if (!_upgrades.TryGetValue(attempt.Path, out var times))
            {
                _upgrades[attempt.Path] = times = [];
            }

            times.Add((attempt.Ticks, attempt.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Window(times, 5, TimeSpan.FromSeconds(1), ChaosInvariant.ConnectRate, $"connects to {attempt.Path}");
        }
    }

    /// <summary>Flags the newest entry when it is the (limit+1)th inside one window (a span shorter than the window).</summary>
    private bool Window(List<(long Ticks, string Text)> times, int limit, TimeSpan window, ChaosInvariant invariant, string what)
    {
        if (times.Count <= limit)
        {
            return false;
        }

        var first = times[^(limit + 1)].Ticks;
        var last = times[^1].Ticks;
        if (last - first < window.Ticks)
        {
            var span = TimeSpan.FromTicks(last - first).TotalMilliseconds;
            var seen = limit > 10 ? string.Empty : ": " + string.Join(", ", times.TakeLast(limit + 1).Select(t => $"{ChaosLog.Format(t.Ticks)} {t.Text}"));
            world.Log.Violation(invariant, $"{limit + 1} {what} within {span:0} ms (limit {limit} per {window.TotalSeconds:0} s){seen}");
            return true;
        }

        return false;
    }

    /// <summary>PING, or a request's type objects without the ticket (which differs every time).</summary>
    private static string Shorten(string text)
    {
        var body = text.StartsWith("[{\"ticket\"", StringComparison.Ordinal) && text.IndexOf("},", StringComparison.Ordinal) is var end and > 0 ? text[(end + 2)..] : text;
        return body.Length <= 60 ? body : body[..60] + "…";
    }
}
