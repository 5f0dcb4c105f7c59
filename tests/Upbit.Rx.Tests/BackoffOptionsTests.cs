using NUnit.Framework;

namespace Upbit.Rx.Tests;

public sealed class BackoffOptionsTests
{
    [Test]
    public void Constructor_Defaults_AreDocumentedValues()
    {
        var options = new BackoffOptions();

        Assert.That(
            (options.InitialDelay, options.MaxDelay, options.Multiplier, options.Jitter, options.MaxRetryAttempts),
            Is.EqualTo((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 2.0, BackoffJitter.Full, (int?)null)));
    }

    [Test]
    public void With_ChangedProperty_IsValueEqualOnlyWhenSame()
    {
        var options = new BackoffOptions();

        Assert.That((options with { }, options with { Multiplier = 3 } == options), Is.EqualTo((options, false)));
    }
}
