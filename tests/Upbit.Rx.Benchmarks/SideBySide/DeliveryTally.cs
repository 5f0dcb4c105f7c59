using System.Globalization;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// Per-key counts of the stamped messages an <see cref="UpbitClient"/> run delivered, and of the messages it delivered
/// with a stamp below <see cref="FeedFrames.StampBase"/> (the simulator's snapshots), so a run that stops short can say
/// which stage and which keys lost frames.
/// </summary>
/// <remarks>NB: interlocked, unlike the probe's counter: these counts must stay right even if deliveries overlap,
/// which is one of the things they are there to find out. They cost a few uncontended interlocked increments per
/// callback, tens of nanoseconds against the 10–40 µs a message costs the client.</remarks>
internal sealed class DeliveryTally(IReadOnlyList<string> keys)
{
    private readonly long[] _first = new long[keys.Count];
    private long _others;
    private long _unstamped;
    private int _inside;
    private long _overlaps;

    /// <summary>A stamped message reached the first subscriber of key <paramref name="key"/>.</summary>
    public void First(int key) => Interlocked.Increment(ref _first[key]);

    /// <summary>A stamped message reached a subscriber that is not the first of its key.</summary>
    public void Other() => Interlocked.Increment(ref _others);

    /// <summary>A message without the server's stamp (a snapshot of the simulator) reached a subscriber.</summary>
    public void Unstamped() => Interlocked.Increment(ref _unstamped);

    /// <summary>Marks the start of a callback; the return value goes to <see cref="Leave"/>. Counts callbacks that
    /// overlap another one (the probe assumes they never do).</summary>
    public void Enter()
    {
        if (Interlocked.Increment(ref _inside) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }
    }

    public void Leave() => Interlocked.Decrement(ref _inside);

    /// <summary>One line: totals, overlapping callbacks and the keys furthest behind.</summary>
    public string Describe()
    {
        var counts = Enumerable.Range(0, _first.Length).Select(i => Interlocked.Read(ref _first[i])).ToArray();
        var max = counts.Max();
        var behind = Enumerable.Range(0, counts.Length).Where(i => counts[i] < max - 1).OrderBy(i => counts[i]).ToList();
        var worst = string.Join(", ", behind.Take(12).Select(i => $"{keys[i]}={counts[i]}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"first subscribers {counts.Sum()} (per key {counts.Min()}–{max}), others {Interlocked.Read(ref _others)}, unstamped {Interlocked.Read(ref _unstamped)}, overlapping callbacks {Interlocked.Read(ref _overlaps)}, {behind.Count} keys behind by more than 1: {worst}");
    }
}
