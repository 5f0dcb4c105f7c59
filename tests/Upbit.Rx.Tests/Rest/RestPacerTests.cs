using NUnit.Framework;
using Upbit.Rx.Rest;

namespace Upbit.Rx.Tests.Rest;

/// <summary>The per-group pacing maths, with no clock: times are passed in.</summary>
public sealed class RestPacerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 11, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1100);

    [Test]
    public void Reserve_ThirtyAtOnce_TenPerWindow()
    {
        var pacer = new RestPacer(10, Window);

        var waits = Enumerable.Range(0, 30).Select(_ => pacer.Reserve(RestGroup.Candles, T0)).ToList();

        Assert.That(waits, Is.EqualTo(Enumerable.Repeat(TimeSpan.Zero, 10).Concat(Enumerable.Repeat(Window, 10)).Concat(Enumerable.Repeat(Window * 2, 10))));
    }

    [Test]
    public void Reserve_SpreadOverTime_NoWaitOnceTheWindowPassed()
    {
        var pacer = new RestPacer(2, Window);

        var waits = new[] { T0, T0, T0 + Window, T0 + Window }.Select(t => pacer.Reserve(RestGroup.Trades, t)).ToList();

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero }));
    }

    [Test]
    public void Pause_Group_DelaysOnlyThatGroupAndNeverShortens()
    {
        var pacer = new RestPacer(10, Window);
        pacer.Pause(RestGroup.Ticker, T0 + TimeSpan.FromSeconds(5));
        pacer.Pause(RestGroup.Ticker, T0 + TimeSpan.FromSeconds(2));

        Assert.That(
            (pacer.Reserve(RestGroup.Ticker, T0), pacer.Reserve(RestGroup.Orderbook, T0)),
            Is.EqualTo((TimeSpan.FromSeconds(5), TimeSpan.Zero)));
    }

    [TestCase(0, 1100)]
    [TestCase(1, 0)]
    [TestCase(null, 0)]
    public void Observe_SecondsLeft_ZeroPausesAWindow(int? left, int expectedMs)
    {
        var pacer = new RestPacer(10, Window);

        pacer.Observe(RestGroup.Market, left, T0);

        Assert.That(pacer.Reserve(RestGroup.Market, T0), Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));
    }

    [TestCase("group=ticker; min=600; sec=9", 9)]
    [TestCase("group=crix-trades; min=600; sec=0", 0)]
    [TestCase("group=candles;min=600;sec=7", 7)]
    [TestCase("group=market; min=573", null)]
    [TestCase("sec=x", null)]
    [TestCase(null, null)]
    public void RemainingReqSeconds_Header_ReadsSec(string? header, int? expected)
    {
        Assert.That(RemainingReq.Seconds(header), Is.EqualTo(expected));
    }
}
