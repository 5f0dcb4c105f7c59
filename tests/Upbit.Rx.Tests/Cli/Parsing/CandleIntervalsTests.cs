using NUnit.Framework;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Cli.Parsing;

public sealed class CandleIntervalsTests
{
    [TestCase("1s", CandleInterval.OneSecond)]
    [TestCase("1m", CandleInterval.OneMinute)]
    [TestCase("3m", CandleInterval.ThreeMinutes)]
    [TestCase("5m", CandleInterval.FiveMinutes)]
    [TestCase("10m", CandleInterval.TenMinutes)]
    [TestCase("15m", CandleInterval.FifteenMinutes)]
    [TestCase("30m", CandleInterval.ThirtyMinutes)]
    [TestCase("60m", CandleInterval.SixtyMinutes)]
    [TestCase("1h", CandleInterval.SixtyMinutes)]
    [TestCase("240m", CandleInterval.TwoHundredFortyMinutes)]
    [TestCase("4h", CandleInterval.TwoHundredFortyMinutes)]
    public void TryParse_UpbitName_GivesInterval(string text, CandleInterval expected)
    {
        var ok = CandleIntervals.TryParse(text, out var interval);

        Assert.That((ok, interval), Is.EqualTo((true, expected)));
    }

    [TestCase("2m")]
    [TestCase("1d")]
    [TestCase("1M")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParse_OtherText_IsRejected(string? text)
    {
        Assert.That(CandleIntervals.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Name_EveryStreamedInterval_RoundTripsThroughTryParse()
    {
        // NB: days and longer are REST-only periods the watch command cannot stream.
        var roundTrips = Enum.GetValues<CandleInterval>().Where(i => i <= CandleInterval.TwoHundredFortyMinutes)
            .Select(i => CandleIntervals.TryParse(CandleIntervals.Name(i), out var back) && back == i);

        Assert.That(roundTrips, Is.All.True);
    }

    [TestCase("1m", CandleInterval.OneMinute)]
    [TestCase("1d", CandleInterval.OneDay)]
    [TestCase("1w", CandleInterval.OneWeek)]
    [TestCase("1M", CandleInterval.OneMonth)]
    [TestCase("1y", CandleInterval.OneYear)]
    public void TryParseHistory_StreamedOrRestPeriod_GivesInterval(string text, CandleInterval expected)
    {
        var ok = CandleIntervals.TryParseHistory(text, out var interval);

        Assert.That((ok, interval, CandleIntervals.Name(interval)), Is.EqualTo((true, expected, text)));
    }

    [TestCase("2m")]
    [TestCase("1D")]
    [TestCase("1mo")]
    [TestCase(null)]
    public void TryParseHistory_OtherText_IsRejected(string? text)
    {
        Assert.That(CandleIntervals.TryParseHistory(text, out _), Is.False);
    }
}
