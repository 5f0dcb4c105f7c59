using System.Diagnostics;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Benchmarks.Transport;

/// <summary>
/// The client end of one benchmark connection: counts the frames a transport hands out and records, for each, the time
/// from the server's push to the transport's <c>OnNext</c> (the transport delivers serially, so one writer).
/// </summary>
internal sealed class TransportProbe : IObserver<TransportEvent>
{
    private const int Kept = 1 << 18;

    private readonly long[] _sentAt;
    private readonly long[] _latencies = new long[Kept];
    private long _received;
    private long _recorded;

    public TransportProbe(long[] sentAt) => _sentAt = sentAt;

    public TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Received => Volatile.Read(ref _received);

    public void OnNext(TransportEvent value)
    {
        switch (value.Kind)
        {
            case TransportEventKind.Opened:
                Opened.TrySetResult();
                break;
            case TransportEventKind.Frame:
                var index = _received;
                _latencies[_recorded++ % Kept] = Stopwatch.GetTimestamp() - _sentAt[index % _sentAt.Length];
                Volatile.Write(ref _received, index + 1);
                break;
        }
    }

    public void OnError(Exception error) => Opened.TrySetException(error);

    public void OnCompleted()
    {
    }

    /// <summary>The 50th and 99th percentile of the most recent latencies, in microseconds.</summary>
    public (double P50, double P99) Percentiles()
    {
        var count = (int)Math.Min(_recorded, Kept);
        var sorted = _latencies[..count];
        Array.Sort(sorted);
        double At(double q) => count == 0 ? double.NaN : sorted[Math.Min(count - 1, (int)(q * count))] * 1_000_000.0 / Stopwatch.Frequency;
        return (At(0.50), At(0.99));
    }
}
