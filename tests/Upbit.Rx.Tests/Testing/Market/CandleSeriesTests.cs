using NUnit.Framework;
using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Tests.Testing.Market;

public sealed class CandleSeriesTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CandlePeriod s_minute = new(CandlePeriodKind.Minutes, 1);

    [Test]
    public void Apply_TradesInOneWindow_OneCandleWithOhlcAndTotals()
    {
        var series = new CandleSeries(s_minute, 10);

        series.Apply(s_t0.AddSeconds(1), 100m, 1m, 100m, 90m);
        series.Apply(s_t0.AddSeconds(2), 120m, 2m, 240m, 95m);
        series.Apply(s_t0.AddSeconds(3), 80m, 1m, 80m, 95m);

        var bar = series.Before(DateTime.MaxValue, 5).Single();
        Assert.That(bar, Is.EqualTo(new CandleBar(s_t0.UtcDateTime, 100m, 120m, 80m, 80m, 4m, 420m, s_t0.AddSeconds(3).ToUnixTimeMilliseconds(), 90m)));
    }

    [Test]
    public void Before_GapsAndExclusiveTo_NewestFirstOnlyWindowsWithTrades()
    {
        var series = new CandleSeries(s_minute, 10);
        foreach (var minute in new[] { 0, 1, 3, 4 })
        {
            series.Apply(s_t0.AddMinutes(minute), 1m, 1m, 1m, 1m);
        }

        var starts = series.Before(s_t0.AddMinutes(4).UtcDateTime, 10).Select(b => (b.Start - s_t0.UtcDateTime).TotalMinutes);

        Assert.That(starts, Is.EqualTo(new[] { 3.0, 1.0, 0.0 }));
    }

    [Test]
    public void Apply_OverCapacity_OldestForgotten()
    {
        var series = new CandleSeries(s_minute, 3);
        for (var minute = 0; minute < 5; minute++)
        {
            series.Apply(s_t0.AddMinutes(minute), minute, 1m, 1m, 1m);
        }

        Assert.That(series.Before(DateTime.MaxValue, 10).Select(b => b.Open), Is.EqualTo(new[] { 4m, 3m, 2m }));
        Assert.That(series.At(s_t0.AddMinutes(1).UtcDateTime), Is.Null);
    }
}
