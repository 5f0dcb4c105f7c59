using NUnit.Framework;
using Upbit.Rx.Connection;

namespace Upbit.Rx.Tests.Connection;

public sealed class BackoffTests
{
    [TestCase(1, 1_000)]
    [TestCase(2, 2_000)]
    [TestCase(3, 4_000)]
    [TestCase(6, 32_000)]
    [TestCase(7, 60_000)]
    [TestCase(1_000, 60_000)]
    [TestCase(int.MaxValue, 60_000)]
    public void Delay_NoJitter_ExponentialCappedAtMax(int attempt, int expectedMs)
    {
        var options = new BackoffOptions { Jitter = BackoffJitter.None };

        var delay = Backoff.Delay(options, attempt, new FixedRandom(0.5));

        Assert.That(delay, Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));
    }

    [TestCase(BackoffJitter.Full, 1, 0.5, 500)]
    [TestCase(BackoffJitter.Full, 3, 0.5, 2_000)]
    [TestCase(BackoffJitter.Full, 10, 0.5, 30_000)]
    [TestCase(BackoffJitter.Full, 4, 0.0, 0)]
    [TestCase(BackoffJitter.Full, 4, 0.25, 2_000)]
    [TestCase(BackoffJitter.Equal, 1, 0.5, 750)]
    [TestCase(BackoffJitter.Equal, 4, 0.0, 4_000)]
    [TestCase(BackoffJitter.Equal, 7, 0.5, 45_000)]
    public void Delay_Jitter_ScalesCappedDelayByRandom(BackoffJitter jitter, int attempt, double sample, int expectedMs)
    {
        var options = new BackoffOptions { Jitter = jitter };

        var delay = Backoff.Delay(options, attempt, new FixedRandom(sample));

        Assert.That(delay, Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));
    }

    [Test]
    public void Delay_NoJitter_DoesNotConsumeRandom()
    {
        var random = new FixedRandom(0.5);

        Backoff.Delay(new BackoffOptions { Jitter = BackoffJitter.None }, 3, random);

        Assert.That(random.Calls, Is.EqualTo(0));
    }

    [TestCase(1, 100)]
    [TestCase(2, 150)]
    [TestCase(3, 225)]
    [TestCase(5, 300)]
    public void Delay_CustomMultiplierAndCap_Applied(int attempt, int expectedMs)
    {
        var options = new BackoffOptions
        {
            InitialDelay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromMilliseconds(300),
            Multiplier = 1.5,
            Jitter = BackoffJitter.None,
        };

        Assert.That(Backoff.Delay(options, attempt, new FixedRandom(0)), Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));
    }

    [Test]
    public void Delay_SeededRandomFullJitter_StaysWithinZeroAndCappedValue()
    {
        var options = new BackoffOptions();
        var random = new Random(12345);
        var outside = new List<(int Attempt, TimeSpan Delay)>();

        for (var attempt = 1; attempt <= 2_000; attempt++)
        {
            var delay = Backoff.Delay(options, attempt, random);
            var ceiling = Backoff.Delay(options with { Jitter = BackoffJitter.None }, attempt, random);
            if (delay < TimeSpan.Zero || delay > ceiling)
            {
                outside.Add((attempt, delay));
            }
        }

        Assert.That(outside, Is.Empty);
    }

    [Test]
    public void Delay_AttemptBelowOne_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(new BackoffOptions(), 0, new FixedRandom(0)));

        Assert.That(ex!.ParamName, Is.EqualTo("attempt"));
    }

    [Test]
    public void Delay_NullRandom_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Backoff.Delay(new BackoffOptions(), 1, null!));
    }

    [TestCase(-1, 60_000, 2.0, BackoffJitter.Full, null, "BackoffOptions.InitialDelay must be zero or positive.")]
    [TestCase(5_000, 1_000, 2.0, BackoffJitter.Full, null, "BackoffOptions.MaxDelay must be at least InitialDelay (00:00:05).")]
    [TestCase(1_000, 60_000, 0.5, BackoffJitter.Full, null, "BackoffOptions.Multiplier must be a finite number of at least 1.")]
    [TestCase(1_000, 60_000, double.NaN, BackoffJitter.Full, null, "BackoffOptions.Multiplier must be a finite number of at least 1.")]
    [TestCase(1_000, 60_000, double.PositiveInfinity, BackoffJitter.Full, null, "BackoffOptions.Multiplier must be a finite number of at least 1.")]
    [TestCase(1_000, 60_000, 2.0, (BackoffJitter)42, null, "BackoffOptions.Jitter must be None, Full or Equal.")]
    [TestCase(1_000, 60_000, 2.0, BackoffJitter.Full, -1, "BackoffOptions.MaxRetryAttempts must be null (forever) or zero or positive.")]
    public void Validate_OutOfRangeOption_ThrowsNamingIt(int initialMs, int maxMs, double multiplier, BackoffJitter jitter, int? maxAttempts, string expectedMessageStart)
    {
        var options = new BackoffOptions
        {
            InitialDelay = TimeSpan.FromMilliseconds(initialMs),
            MaxDelay = TimeSpan.FromMilliseconds(maxMs),
            Multiplier = multiplier,
            Jitter = jitter,
            MaxRetryAttempts = maxAttempts,
        };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Validate(options));

        Assert.That(ex!.Message, Does.StartWith(expectedMessageStart));
    }

    [TestCase(null, 1_000_000, true)]
    [TestCase(3, 3, true)]
    [TestCase(3, 4, false)]
    [TestCase(0, 1, false)]
    public void ShouldRetry_MaxAttempts_LimitsRetries(int? maxAttempts, int attempt, bool expected)
    {
        Assert.That(Backoff.ShouldRetry(new BackoffOptions { MaxRetryAttempts = maxAttempts }, attempt), Is.EqualTo(expected));
    }
}
