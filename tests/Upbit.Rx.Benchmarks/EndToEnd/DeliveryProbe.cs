using System.Diagnostics;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Benchmarks.EndToEnd;

/// <summary>
/// What every subscriber callback of a run reports to: counts deliveries and records, per delivery, the Stopwatch
/// ticks between the moment its frame was handed to the server and the callback.
/// </summary>
/// <remarks>NB: a run's callbacks all come from the one receive loop, but the producer reads <see cref="Delivered"/>
/// from its own thread, hence the interlocked counter.</remarks>
internal sealed class DeliveryProbe(long[] sentAt, int capacity)
{
    private readonly long[] _latencies = new long[capacity];
    private long _delivered;

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>A ticker reached a subscriber; its timestamp is its 1-based message number.</summary>
    public void OnTicker(Ticker ticker) => Record(ticker.Timestamp - 1);

    /// <summary>Message <paramref name="index"/> (0-based) reached a subscriber.</summary>
    public void Record(long index)
    {
        var now = Stopwatch.GetTimestamp();
        var n = Interlocked.Increment(ref _delivered) - 1;
        if (n < _latencies.Length)
        {
            _latencies[n] = now - sentAt[index];
        }
    }

    /// <summary>The 50th and 99th percentile latency of deliveries [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public (TimeSpan P50, TimeSpan P99) Percentiles(long from, long to)
    {
        var sorted = _latencies[(int)from..(int)to];
        Array.Sort(sorted);
        return (Ticks(sorted[(int)(sorted.Length * 0.50)]), Ticks(sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))]));
    }

    private static TimeSpan Ticks(long stopwatchTicks) => Stopwatch.GetElapsedTime(0, stopwatchTicks);
}
