using NUnit.Framework;
using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Tests.Testing.Market;

internal sealed class CandlePeriodTests
{
    private static readonly DateTime s_at = new(2026, 9, 3, 14, 47, 31, 250, DateTimeKind.Utc);   // a Thursday

    [TestCase(CandlePeriodKind.Seconds, 0, "2026-09-03T14:47:31")]
    [TestCase(CandlePeriodKind.Minutes, 1, "2026-09-03T14:47:00")]
    [TestCase(CandlePeriodKind.Minutes, 15, "2026-09-03T14:45:00")]
    [TestCase(CandlePeriodKind.Minutes, 240, "2026-09-03T12:00:00")]
    [TestCase(CandlePeriodKind.Days, 0, "2026-09-03T00:00:00")]
    [TestCase(CandlePeriodKind.Weeks, 0, "2026-08-31T00:00:00")]
    [TestCase(CandlePeriodKind.Months, 0, "2026-09-01T00:00:00")]
    [TestCase(CandlePeriodKind.Years, 0, "2026-01-01T00:00:00")]
    public void WindowStart_UtcInstant_StartOfItsWindow(CandlePeriodKind kind, int minutes, string expected)
    {
        var start = new CandlePeriod(kind, minutes).WindowStart(s_at);

        Assert.That(start.ToString("yyyy-MM-dd'T'HH:mm:ss"), Is.EqualTo(expected));
    }

    [Test]
    public void WindowStart_Sunday_WeekStartedOnTheMondayBefore()
    {
        var sunday = new DateTime(2026, 9, 6, 23, 0, 0, DateTimeKind.Utc);

        Assert.That(new CandlePeriod(CandlePeriodKind.Weeks, 0).WindowStart(sunday), Is.EqualTo(new DateTime(2026, 8, 31, 0, 0, 0, DateTimeKind.Utc)));
    }
}
