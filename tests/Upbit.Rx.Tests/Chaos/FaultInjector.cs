using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>
/// Injects one random fault into a random open connection through <see cref="FakeUpbitExchange"/>'s fault API, and
/// says how long the client may take to recover from it: the recovery bound (detection + the reconnect backoff's
/// largest delays + <see cref="ChaosSettings.Margin"/> + the slowest delivery in force).
/// </summary>
internal sealed class FaultInjector(ChaosWorld world)
{
    private static readonly (FaultKind Kind, int Weight)[] Weights =
    [
        (FaultKind.Drop, 14), (FaultKind.Stall, 8), (FaultKind.GarbageStall, 4), (FaultKind.RefusedUpgrades, 8),
        (FaultKind.TransientError, 10), (FaultKind.InvalidAuth, 3), (FaultKind.InvalidParam, 4),
        (FaultKind.MalformedFrame, 10), (FaultKind.GarbageFrame, 10), (FaultKind.OversizedFrame, 5),
        (FaultKind.LargeFrame, 6), (FaultKind.SlowDelivery, 8),
    ];

    private readonly Dictionary<int, TimeSpan> _slowness = [];
    private readonly HashSet<int> _stalled = [];
    private int _refusalsInjected;

    /// <summary>Injects a random fault; returns its recovery bound, or <see langword="null"/> when nothing was open to hit.</summary>
    public TimeSpan? InjectRandom()
    {
        var roll = world.Plan.Next(Weights.Sum(w => w.Weight));
        var kind = Weights.First(w => (roll -= w.Weight) < 0).Kind;
        var open = world.Exchange.Connections.Where(c => c.IsOpen).ToList();
        if (kind == FaultKind.InvalidAuth)
        {
            open = [.. open.Where(c => c.Path == ConnectionRecord.PrivatePath)];
        }
        else if (kind is FaultKind.MalformedFrame or FaultKind.GarbageFrame or FaultKind.LargeFrame)
        {
            // NB: a stalled server sends nothing; a frame pushed into its silence would reset the client's watchdog
            // (GarbageStall is the fault that tests exactly that).
            open = [.. open.Where(c => !_stalled.Contains(c.Id))];
        }

        if (open.Count == 0)
        {
            return null;
        }

        var target = open[world.Pick.Next(open.Count)];
        var isPrivate = target.Path == ConnectionRecord.PrivatePath;
        var slow = Slowness();
        var detail = Inject(kind, target.Id, isPrivate, out var typeName, out var bound);
        world.Faults.Add(new FaultRecord(kind, world.Now, world.Log.Next(), isPrivate, target.Id, typeName));
        world.Figures.Count(kind);
        world.Log.Event($"fault {kind} on {(isPrivate ? "private" : "public")} conn#{target.Id} {detail} (bound {bound.TotalSeconds:0.#} s)");
        return bound + slow + ChaosSettings.Margin;
    }

    /// <summary>
    /// When the client must have connected again after the newest refused upgrade (429): its retry comes within the
    /// reconnect delay of that attempt at its largest (k refusals in a row on a path make the next attempt the k-th after
    /// a fresh connect), then <see cref="ChaosSettings.Margin"/> for the union and a market tick. <see langword="null"/>
    /// when nothing was ever refused. A refusal right after a drop is covered by that fault's own bound.
    /// </summary>
    public long? RefusalSettled()
    {
        var upgrades = world.Exchange.Upgrades;
        var last = upgrades.Count - 1;
        while (last >= 0 && upgrades[last].Status != 429)
        {
            last--;
        }

        if (last < 0)
        {
            return null;
        }

        var path = upgrades[last].Path;
        var inARow = 0;
        for (var i = last; i >= 0 && (upgrades[i].Path != path || upgrades[i].Status == 429); i--)
        {
            inARow += upgrades[i].Path == path ? 1 : 0;
        }

        return upgrades[last].Ticks + (Reconnect(inARow) - Reconnect(inARow - 1)).Ticks + ChaosSettings.Margin.Ticks;
    }

    /// <summary>The sum of the first <paramref name="attempts"/> reconnect delays at their largest (before jitter).</summary>
    public TimeSpan Reconnect(int attempts)
    {
        var options = world.ClientOptions.Reconnect;
        var total = TimeSpan.Zero;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var delay = options.InitialDelay * Math.Pow(options.Multiplier, attempt - 1);
            total += delay < options.MaxDelay ? delay : options.MaxDelay;
        }

        return total;
    }

    private string Inject(FaultKind kind, int id, bool isPrivate, out string? typeName, out TimeSpan bound)
    {
        var exchange = world.Exchange;
        // NB: refusals no reconnect has used up yet (the endpoint they were meant for went idle) hit the next connect,
        // whichever endpoint makes it.
        var leftover = Math.Max(0, _refusalsInjected - exchange.Upgrades.Count(u => u.Status == 429));
        var reconnect = Reconnect(1 + leftover);
        var closeAndReconnect = exchange.Options.ErrorCloseDelay + reconnect;
        typeName = null;
        bound = TimeSpan.Zero;
        switch (kind)
        {
            case FaultKind.Drop:
                exchange.Drop(id);
                bound = reconnect;
                return string.Empty;
            case FaultKind.Stall:
                _stalled.Add(id);
                exchange.Stall(id);
                bound = world.ClientOptions.IdleTimeout + reconnect;
                return string.Empty;
            case FaultKind.GarbageStall:
                _stalled.Add(id);
                exchange.Stall(id);
                for (var second = 5; second <= 90; second += 5)
                {
                    exchange.PushFrame(id, Garbage(64), TimeSpan.FromSeconds(second));
                }

                bound = world.ClientOptions.IdleTimeout + reconnect;
                return "(garbage every 5 s for 90 s)";
            case FaultKind.RefusedUpgrades:
                var refused = 1 + world.Pick.Next(4);
                _refusalsInjected += refused;
                exchange.RefuseNextConnections(refused);
                exchange.Drop(id);
                bound = Reconnect(refused + leftover + 1);
                return $"refusing {refused}";
            case FaultKind.TransientError:
                exchange.SendError(id, "TOO_MANY_REQUESTS", "요청 수가 너무 많습니다.");
                bound = closeAndReconnect;
                return string.Empty;
            case FaultKind.InvalidAuth:
                exchange.SendError(id, "INVALID_AUTH", "인증 정보가 올바르지 않습니다.");
                bound = closeAndReconnect;
                return string.Empty;
            case FaultKind.InvalidParam:
                typeName = LiveTypeName(isPrivate);
                exchange.SendError(id, "INVALID_PARAM", $"{typeName} 은 지원하지 않는 타입입니다.");
                bound = closeAndReconnect;
                return typeName;
            case FaultKind.MalformedFrame:
                exchange.PushMalformedFrame(id);
                return string.Empty;
            case FaultKind.GarbageFrame:
                var garbage = Garbage(1 + world.Pick.Next(512));
                if (world.Pick.Next(2) == 0)
                {
                    exchange.PushFrame(id, garbage);
                    return $"binary {garbage.Length} bytes";
                }

                exchange.PushTextFrame(id, Convert.ToBase64String(garbage));
                return "text";
            case FaultKind.OversizedFrame:
                exchange.PushOversizedFrame(id, ChaosSettings.MaxMessageBytes + 1 + world.Pick.Next(65_536));
                bound = reconnect;
                return string.Empty;
            case FaultKind.LargeFrame:
                exchange.PushOversizedFrame(id, ChaosSettings.MaxMessageBytes - 1024);
                return string.Empty;
            default:
                var perFrame = TimeSpan.FromMilliseconds(200 + world.Pick.Next(2800));
                exchange.SlowDown(id, perFrame);
                _slowness[id] = perFrame;
                bound = perFrame;
                return $"{perFrame.TotalMilliseconds:0} ms per frame";
        }
    }

    /// <summary>The longest per-frame delay on a connection still open.</summary>
    private TimeSpan Slowness()
    {
        var open = world.Exchange.Connections.Where(c => c.IsOpen).Select(c => c.Id).ToHashSet();
        return _slowness.Where(s => open.Contains(s.Key)).Select(s => s.Value).DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    private string LiveTypeName(bool isPrivate)
    {
        var types = world.Live.Where(s => s.Stream.IsPrivate == isPrivate).Select(s => s.Stream.TypeName).Distinct().Order(StringComparer.Ordinal).ToList();
        return types.Count > 0 ? types[world.Pick.Next(types.Count)] : isPrivate ? ChaosStream.MyOrder : ChaosStream.Ticker;
    }

    private byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        world.Pick.NextBytes(bytes);
        return bytes;
    }
}
