using NUnit.Framework;
using Upbit.Rx.Cli.Parsing;

namespace Upbit.Rx.Tests.Cli.Parsing;

public sealed class DurationsTests
{
    [TestCase("500ms", 500)]
    [TestCase("10s", 10_000)]
    [TestCase("2m", 120_000)]
    [TestCase("1h", 3_600_000)]
    [TestCase("1m30s", 90_000)]
    [TestCase("1.5s", 1_500)]
    [TestCase(" 5s ", 5_000)]
    public void TryParse_ValidText_GivesExactDuration(string text, int milliseconds)
    {
        var ok = Durations.TryParse(text, out var duration);

        Assert.That((ok, duration), Is.EqualTo((true, TimeSpan.FromMilliseconds(milliseconds))));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("10")]
    [TestCase("s")]
    [TestCase("10x")]
    [TestCase("10S")]
    [TestCase("-5s")]
    [TestCase("0s")]
    [TestCase("1d")]
    public void TryParse_InvalidText_IsRejected(string? text)
    {
        Assert.That(Durations.TryParse(text, out _), Is.False);
    }

    [TestCase(250, "250ms")]
    [TestCase(5_000, "5s")]
    [TestCase(90_000, "0:01:30")]
    public void Format_Duration_PrintsShortForm(int milliseconds, string expected)
    {
        Assert.That(Durations.Format(TimeSpan.FromMilliseconds(milliseconds)), Is.EqualTo(expected));
    }
}
