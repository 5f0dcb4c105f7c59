using NUnit.Framework;
using Upbit.Rx.Cli.Parsing;

namespace Upbit.Rx.Tests.Cli.Parsing;

public sealed class ReplaySpeedTests
{
    [TestCase("1", 1000)]
    [TestCase("10", 100)]
    [TestCase("10x", 100)]
    [TestCase("0.5", 2000)]
    [TestCase("max", 0)]
    public void TryParse_Text_ScalesOneSecondGap(string text, int expectedMilliseconds)
    {
        var ok = ReplaySpeed.TryParse(text, out var speed);

        Assert.That((ok, speed.Scale(TimeSpan.FromSeconds(1))), Is.EqualTo((true, TimeSpan.FromMilliseconds(expectedMilliseconds))));
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("fast")]
    [TestCase("x")]
    [TestCase("MAX")]
    [TestCase(null)]
    public void TryParse_Invalid_IsRejected(string? text)
    {
        Assert.That(ReplaySpeed.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Scale_NegativeGap_IsZero()
    {
        Assert.That(ReplaySpeed.Original.Scale(TimeSpan.FromSeconds(-3)), Is.EqualTo(TimeSpan.Zero));
    }
}
