using System.Globalization;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>The run's event trail (the last few events, for failure messages), its sequence numbers and its violations.</summary>
internal sealed class ChaosLog(int seed, ChaosScheduler scheduler)
{
    private const int Kept = 40;
    private readonly Lock _gate = new();
    private readonly Queue<string> _recent = new();
    private long _sequence;

    public List<ChaosViolation> Violations { get; } = [];

    /// <summary>A number that orders every delivery and event of the run.</summary>
    public long Next() => ++_sequence;

    public static string Format(long ticks) => TimeSpan.FromTicks(ticks).ToString(@"d\.hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    public void Event(string text)
    {
        lock (_gate)
        {
            _recent.Enqueue($"{Format(scheduler.Clock)} {text}");
            if (_recent.Count > Kept)
            {
                _recent.Dequeue();
            }
        }
    }

    public void Violation(ChaosInvariant invariant, string detail)
    {
        lock (_gate)
        {
            Violations.Add(new ChaosViolation(invariant, seed, scheduler.Clock, detail, [.. _recent]));
        }

        Event($"VIOLATION {invariant}: {detail}");
    }
}
