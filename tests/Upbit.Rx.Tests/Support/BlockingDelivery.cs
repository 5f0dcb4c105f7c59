using NUnit.Framework;

namespace Upbit.Rx.Tests.Support;

/// <summary>
/// The <c>Dispatcher.Invoke</c> pattern on real threads: an OnNext that, on the value chosen, blocks until another
/// thread's <c>Dispose</c> has returned. If Dispose waits for that OnNext, neither finishes until the bound expires,
/// so <see cref="AssertDisposeReturnsWhileBlocked"/> fails instead of hanging.
/// </summary>
/// <remarks>NB: every wait is bounded by a generous timeout; nothing sleeps. The events are never disposed, because a
/// thread left blocked by a failing test may still touch them.</remarks>
internal sealed class BlockingDelivery<T>(Func<T, bool> blockOn)
{
    /// <summary>How long any one wait may take; far above what a prompt Dispose needs on a loaded machine.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _disposeReturned = new();
    private readonly ManualResetEventSlim _left = new();
    private readonly List<T> _values = [];
    private int _releasedByDispose;

    /// <summary>The values received so far, in order.</summary>
    public IReadOnlyList<T> Values
    {
        get
        {
            lock (_values)
            {
                return [.. _values];
            }
        }
    }

    /// <summary>The OnNext handler to subscribe with.</summary>
    public void OnNext(T value)
    {
        lock (_values)
        {
            _values.Add(value);
        }

        if (!blockOn(value))
        {
            return;
        }

        _entered.Set();

        // NB: twice the bound, so a Dispose that waits for this call is still stuck when the test gives up on it.
        if (_disposeReturned.Wait(Bound * 2))
        {
            Interlocked.Exchange(ref _releasedByDispose, 1);
        }

        _left.Set();
    }

    /// <summary>
    /// Waits until the blocking OnNext runs, calls <paramref name="dispose"/> on a new thread, and asserts that it
    /// returns while that OnNext is still blocked, and that the OnNext then finishes.
    /// </summary>
    public void AssertDisposeReturnsWhileBlocked(Action dispose)
    {
        Assert.That(_entered.Wait(Bound), Is.True, "the blocking OnNext was never called");
        var disposer = new Thread(() =>
        {
            dispose();
            _disposeReturned.Set();
        })
        {
            IsBackground = true,
        };
        disposer.Start();

        Assert.That(_disposeReturned.Wait(Bound), Is.True, "Dispose waited for an OnNext running on another thread");
        Assert.That(_left.Wait(Bound), Is.True, "the blocked OnNext finished");
        Assert.That(Volatile.Read(ref _releasedByDispose), Is.EqualTo(1), "the OnNext was released by Dispose returning");
    }
}
