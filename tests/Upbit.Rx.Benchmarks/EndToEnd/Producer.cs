using System.Diagnostics;
using Upbit.Rx.Server;

namespace Upbit.Rx.Benchmarks.EndToEnd;

/// <summary>
/// Hands pre-encoded frames to the fake exchange's session of the connection under test (the same path as the
/// exchange's <c>PushFrame</c>, without its per-frame scheduling hop), stamping each frame's send time first.
/// </summary>
internal sealed class Producer(ExchangeSession session, IReadOnlyList<byte[]> frames, long[] sentAt, DeliveryProbe probe, int fanout, CancellationToken cancellation)
{
    /// <summary>Sends frames [<paramref name="from"/>, <paramref name="from"/> + <paramref name="count"/>) as fast as
    /// they are consumed, with at most <paramref name="window"/> in flight, and waits until all are delivered.</summary>
    public void Saturate(int from, int count, int window)
    {
        for (var i = from; i < from + count; i++)
        {
            var spinner = default(SpinWait);
            while (i - (probe.Delivered / fanout) >= window)
            {
                Wait(ref spinner);
            }

            Send(i);
        }

        AwaitDelivered(from + count);
    }

    /// <summary>Sends frames at <paramref name="rate"/> per second, in 1 ms bursts, and waits until all are delivered.</summary>
    public void Pace(int from, int count, int rate)
    {
        var start = Stopwatch.GetTimestamp();
        var i = from;
        while (i < from + count)
        {
            var due = from + (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate);
            for (; i < Math.Min(due, from + count); i++)
            {
                Send(i);
            }

            // NB: a benchmark paces in real time; waiting on the token's handle also ends the wait on cancellation.
            cancellation.WaitHandle.WaitOne(1);
            cancellation.ThrowIfCancellationRequested();
        }

        AwaitDelivered(from + count);
    }

    private void Send(int index)
    {
        sentAt[index] = Stopwatch.GetTimestamp();
        session.Push(frames[index], isText: false);
    }

    private void AwaitDelivered(long messages)
    {
        var spinner = default(SpinWait);
        while (probe.Delivered < messages * fanout)
        {
            Wait(ref spinner);
        }
    }

    private void Wait(ref SpinWait spinner)
    {
        if (spinner.NextSpinWillYield)
        {
            cancellation.ThrowIfCancellationRequested();
        }

        // NB: past a few spins this yields and then sleeps, leaving the two cores to the server and the client.
        spinner.SpinOnce();
    }
}
