using NUnit.Framework;
using Upbit.Rx.Server;

namespace Upbit.Rx.Tests.Testing.Engine;

public sealed class SlidingWindowTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void TryAcquire_FiveThenSixthWithinOneSecond_SixthRefused()
    {
        var window = new SlidingWindow(5, TimeSpan.FromSeconds(1));

        var results = Enumerable.Range(0, 6).Select(i => window.TryAcquire(s_t0.AddMilliseconds(i * 100))).ToList();

        Assert.That(results, Is.EqualTo(new[] { true, true, true, true, true, false }));
    }

    [Test]
    public void TryAcquire_AcrossFixedSecondBoundary_StillSlidingLimit()
    {
        var window = new SlidingWindow(5, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++)
        {
            window.TryAcquire(s_t0.AddMilliseconds(900 + i));
        }

        Assert.That(window.TryAcquire(s_t0.AddMilliseconds(1100)), Is.False);
        Assert.That(window.TryAcquire(s_t0.AddMilliseconds(1900)), Is.True);
        Assert.That(window.Remaining(s_t0.AddMilliseconds(1900)), Is.EqualTo(0));
        Assert.That(window.Remaining(s_t0.AddMilliseconds(1905)), Is.EqualTo(4));
    }
}
