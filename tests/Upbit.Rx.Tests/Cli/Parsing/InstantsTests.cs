using NUnit.Framework;
using Upbit.Rx.Cli.Parsing;

namespace Upbit.Rx.Tests.Cli.Parsing;

public sealed class InstantsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 15, 30, 0, TimeSpan.Zero);

    [TestCase("now", "2026-12-04T15:30:00Z")]
    [TestCase("now-2h", "2026-12-04T13:30:00Z")]
    [TestCase("now-1h30m", "2026-12-04T14:00:00Z")]
    [TestCase("2026-12-01", "2026-12-01T00:00:00Z")]
    [TestCase("2026-12-01T09:00", "2026-12-01T09:00:00Z")]
    [TestCase("2026-12-01T09:00:05", "2026-12-01T09:00:05Z")]
    [TestCase("2026-12-01T09:00+09:00", "2026-12-01T00:00:00Z")]
    [TestCase("2026-12-01T09:00:00Z", "2026-12-01T09:00:00Z")]
    public void TryParse_AcceptedForm_GivesTheInstantInUtc(string text, string expected)
    {
        var ok = Instants.TryParse(text, Now, out var instant);

        Assert.That((ok, instant), Is.EqualTo((true, DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [TestCase("yesterday")]
    [TestCase("now-")]
    [TestCase("now-2x")]
    [TestCase("12/01/2026")]
    [TestCase("2026-13-01")]
    [TestCase("1700000000")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParse_OtherText_IsRejected(string? text)
    {
        Assert.That(Instants.TryParse(text, Now, out _), Is.False);
    }
}
