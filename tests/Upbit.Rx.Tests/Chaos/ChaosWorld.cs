using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>Everything one seeded run shares: the clock, the exchange, the client, the subscribers, the snapshot calls,
/// the faults injected so far, the figures and the log.</summary>
internal sealed class ChaosWorld : IDisposable
{
    public ChaosWorld(int seed)
    {
        Seed = seed;
        BeginCycle(0);
        Scheduler = new ChaosScheduler();
        Log = new ChaosLog(seed, Scheduler);
        Exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = Scheduler,
            Market = new MarketSimulatorOptions { Seed = seed, TickInterval = ChaosSettings.TickInterval },
        });
        ClientOptions = new UpbitClientOptions { RandomSeed = seed, MaxMessageBytes = ChaosSettings.MaxMessageBytes };
        Client = Exchange.CreateClient(ClientOptions);
        Client.Errors.Subscribe(e => Figures.ClientErrors[e.Kind] = Figures.ClientErrors.GetValueOrDefault(e.Kind) + 1);
        Client.ConnectionStates.Subscribe(s => Log.Event($"client {s.Endpoint} {s.Status}{(s.Attempt > 0 ? $" attempt {s.Attempt} in {s.Delay.TotalSeconds:0.###} s" : string.Empty)}{(s.Reason is null ? string.Empty : ": " + s.Reason)}"));
        Exchange.ConnectionChanged.Subscribe(c => Log.Event(c.IsOpen ? $"exchange conn#{c.Id} {c.Path} opened" : $"exchange conn#{c.Id} closed {c.CloseCode}"));
    }

    public int Seed { get; }

    /// <summary>Decides the cycle's plan: when churn and faults happen and which fault kinds. Reseeded per cycle, so a
    /// cycle's plan never depends on what earlier cycles did.</summary>
    public Random Plan { get; private set; } = null!;

    /// <summary>Picks among what exists now: which subscriber, which connection, which codes.</summary>
    public Random Pick { get; private set; } = null!;

    public ChaosScheduler Scheduler { get; }

    public ChaosLog Log { get; }

    public FakeUpbitExchange Exchange { get; }

    public UpbitClientOptions ClientOptions { get; }

    public UpbitClient Client { get; }

    public List<ChaosSubscriber> Subscribers { get; } = [];

    public List<SnapshotCall> SnapshotCalls { get; } = [];

    public List<FaultRecord> Faults { get; } = [];

    public ChaosFigures Figures { get; } = new();

    /// <summary>Set when an exception escaped to the scheduler: the clock cannot be trusted any more.</summary>
    public bool Aborted { get; private set; }

    public long Now => Scheduler.Clock;

    /// <summary>Reseeds <see cref="Plan"/> and <see cref="Pick"/> from the seed and the cycle number.</summary>
    /// <remarks>NB: reseeding keeps a difference in one cycle from changing every later cycle. Snapshot calls used to end
    /// on pool threads, so the state a pick saw could differ by a connection between two runs of one seed; they now end
    /// inside the advance, and runs of one seed are identical.</remarks>
    public void BeginCycle(int cycle)
    {
        Plan = new Random(unchecked((Seed * 1_000_003) + cycle));
        Pick = new Random(unchecked((Seed * 7_919) + (cycle * 104_729) + 1));
    }

    public IEnumerable<ChaosSubscriber> Live => Subscribers.Where(s => s.IsLive);

    /// <summary>Unix milliseconds of the market's clock now (as the exchange stamps its messages).</summary>
    public long MarketMillis => Exchange.Options.Market.VirtualEpoch.ToUnixTimeMilliseconds() + (Now / TimeSpan.TicksPerMillisecond);

    /// <summary>Runs the clock to <paramref name="ticks"/>; an exception thrown by scheduled work is a violation and ends the run.</summary>
    /// <remarks>NB: while a snapshot call is pending the clock moves in <see cref="ChaosSettings.FineStep"/>s. That was needed
    /// while calls ended on a pool thread whose timers (the linger) joined the clock only between steps; calls now end
    /// inside the advance, so the steps change nothing but the cost.</remarks>
    public void AdvanceTo(long ticks)
    {
        while (!Aborted && Now < ticks)
        {
            var pending = SnapshotCalls.Any(c => !c.Judged && !c.Task.IsCompleted);
            var next = pending ? Math.Min(ticks, Now + ChaosSettings.FineStep.Ticks) : ticks;
            try
            {
                Scheduler.AdvanceTo(next);
            }
            catch (Exception ex)
            {
                Aborted = true;
                Log.Violation(ChaosInvariant.NoEscapedException, $"{ex.GetType().Name} escaped to the scheduler: {ex}");
            }
        }
    }

    public void AdvanceBy(TimeSpan span) => AdvanceTo(Now + span.Ticks);

    /// <summary>
    /// The invariant a violation of <paramref name="invariant"/> counts against: while a garbage stall may still be in
    /// effect (its garbage, then the idle timeout, then a reconnect), union, freshness and snapshot checks measure the
    /// idle watchdog, so they count as <see cref="ChaosInvariant.IdleWatchdog"/>.
    /// </summary>
    public ChaosInvariant Attribute(ChaosInvariant invariant) =>
        invariant is ChaosInvariant.Freshness or ChaosInvariant.WireUnion or ChaosInvariant.SnapshotCalls
        && Faults.Any(f => f.Kind == FaultKind.GarbageStall && Now - f.Ticks < ChaosSettings.GarbageStallReach.Ticks)
            ? ChaosInvariant.IdleWatchdog
            : invariant;

    public IReadOnlyList<ConnectionRecord> OpenConnections(bool isPrivate) =>
        [.. Exchange.Connections.Where(c => c.IsOpen && c.Path == (isPrivate ? ConnectionRecord.PrivatePath : ConnectionRecord.PublicPath))];

    public void Dispose()
    {
        Client.Dispose();
        Exchange.Dispose();
    }
}
