namespace Upbit.Rx.Tests.Chaos;

/// <summary>One broken invariant, with what a reader needs to replay it: the seed, the virtual time and the events before it.</summary>
/// <param name="Invariant">The check that failed.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Ticks">The virtual time of the check, in scheduler ticks.</param>
/// <param name="Detail">What was wrong.</param>
/// <param name="RecentEvents">The last events of the run before the check, oldest first.</param>
public sealed record ChaosViolation(ChaosInvariant Invariant, int Seed, long Ticks, string Detail, IReadOnlyList<string> RecentEvents)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"[{Invariant}] seed {Seed} at virtual {ChaosLog.Format(Ticks)}: {Detail}{Environment.NewLine}  recent events:{Environment.NewLine}    "
        + string.Join(Environment.NewLine + "    ", RecentEvents);
}
