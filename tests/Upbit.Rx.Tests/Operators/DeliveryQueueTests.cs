extern alias upbitrx;

using NUnit.Framework;
using Queue = upbitrx::Upbit.Rx.Operators.DeliveryQueue<int>;

namespace Upbit.Rx.Tests.Operators;

public sealed class DeliveryQueueTests
{
    [Test]
    public void EnqueueOrTake_IdleAndEmpty_CallerTakesTheItemAndDeliversItFirst()
    {
        var gate = new Lock();
        var queue = new Queue();
        var delivered = new List<int>();
        bool drain, taken;

        lock (gate)
        {
            drain = queue.EnqueueOrTake(1, out taken);
        }

        queue.DrainFrom(1, gate, delivered.Add);

        Assert.That((drain, taken), Is.EqualTo((true, true)));
        Assert.That(delivered, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void EnqueueOrTake_WhileAnotherDelivers_QueuedAndDeliveredByTheDrainerInOrder()
    {
        var gate = new Lock();
        var queue = new Queue();
        var delivered = new List<int>();
        var inner = new List<(bool Drain, bool Taken)>();

        void Deliver(int item)
        {
            delivered.Add(item);
            if (item == 1)
            {
                // NB: a re-entrant post (a handler that causes another value) must queue, not deliver inside this one.
                foreach (var next in new[] { 2, 3 })
                {
                    lock (gate)
                    {
                        inner.Add((queue.EnqueueOrTake(next, out var taken), taken));
                    }
                }
            }
        }

        lock (gate)
        {
            queue.EnqueueOrTake(1, out _);
        }

        queue.DrainFrom(1, gate, Deliver);

        Assert.That(inner, Is.EqualTo(new[] { (false, false), (false, false) }));
        Assert.That(delivered, Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void DrainFrom_StoppedWhileTheTakenItemIsDelivered_NothingQueuedBehindItIsDelivered()
    {
        // NB: an observer that disposes itself from OnNext after causing another value: the taken item ends, no other starts.
        var gate = new Lock();
        var queue = new Queue();
        var delivered = new List<int>();

        void Deliver(int item)
        {
            delivered.Add(item);
            lock (gate)
            {
                queue.EnqueueOrTake(item + 1, out _);
                queue.Stop();
            }
        }

        lock (gate)
        {
            queue.EnqueueOrTake(1, out _);
        }

        queue.DrainFrom(1, gate, Deliver);

        Assert.That(delivered, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void EnqueueOrTake_Stopped_NeitherQueuedNorTaken()
    {
        var gate = new Lock();
        var queue = new Queue();
        bool drain, taken;

        lock (gate)
        {
            queue.Stop();
            drain = queue.EnqueueOrTake(1, out taken);
        }

        Assert.That((drain, taken), Is.EqualTo((false, false)));
    }

    [Test]
    public void DrainFrom_TakenItemThrows_QueueStopsAndTheExceptionReachesTheCaller()
    {
        var gate = new Lock();
        var queue = new Queue();
        var delivered = new List<int>();
        lock (gate)
        {
            queue.EnqueueOrTake(1, out _);
        }

        Assert.That(() => queue.DrainFrom(1, gate, i => throw new InvalidOperationException($"boom {i}")), Throws.InvalidOperationException.With.Message.EqualTo("boom 1"));
        bool drain, taken;
        lock (gate)
        {
            drain = queue.EnqueueOrTake(2, out taken);
        }

        Assert.That((queue.IsStopped, drain, taken), Is.EqualTo((true, false, false)));
    }

    [Test]
    public void EnqueueOrTake_ItemsQueuedBeforeTheDrainerStarted_NewItemQueuedBehindThem()
    {
        var gate = new Lock();
        var queue = new Queue();
        var delivered = new List<int>();
        bool first, second, taken;
        lock (gate)
        {
            first = queue.Enqueue(1);
            second = queue.EnqueueOrTake(2, out taken);
        }

        queue.Drain(gate, delivered.Add);

        Assert.That((first, second, taken), Is.EqualTo((true, false, false)));
        Assert.That(delivered, Is.EqualTo(new[] { 1, 2 }));
    }
}
