using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing;

public sealed class FakeExchangeOptionsTests
{
    [Test]
    public void ToString_WithSecret_NeverShowsIt()
    {
        var options = new FakeExchangeOptions { AccessKey = "my-access", SecretKey = "s3cr3t-value" };

        var text = options.ToString();

        Assert.That(text, Does.Not.Contain("s3cr3t-value"));
        Assert.That(text, Does.StartWith("FakeExchangeOptions { AccessKey = my-a***, SecretKey = ***, IdleTimeout = 00:01:00"));
    }

    [TestCase("abcd", "***")]
    [TestCase("", "***")]
    [TestCase("abcde", "abcd***")]
    public void ToString_AccessKey_OnlyFirstFourCharsShown(string accessKey, string shown)
    {
        var text = new FakeExchangeOptions { AccessKey = accessKey }.ToString();

        Assert.That(text, Does.StartWith($"FakeExchangeOptions {{ AccessKey = {shown}, SecretKey = ***,"));
    }

    [Test]
    public void Defaults_StricterOfDocumentedAndObserved()
    {
        var options = new FakeExchangeOptions();

        Assert.That(
            (options.IdleTimeout, options.StatusInterval, options.RequestsPerSecond, options.RequestsPerMinute, options.ConnectsPerSecond, options.Language),
            Is.EqualTo((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), 5, 100, 5, ErrorLanguage.Korean)));
    }

    [Test]
    public void Exchange_UnworkableSetting_ThrowsArgumentException()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new FakeUpbitExchange(new FakeExchangeOptions { StatusInterval = TimeSpan.Zero }), Throws.ArgumentException.With.Message.Contains("StatusInterval"));
            Assert.That(() => new FakeUpbitExchange(new FakeExchangeOptions { RequestsPerSecond = 0 }), Throws.ArgumentException.With.Message.Contains("Limits"));
            Assert.That(() => new FakeUpbitExchange(new FakeExchangeOptions { SecretKey = "" }), Throws.ArgumentException.With.Message.Contains("SecretKey"));
            Assert.That(() => new FakeUpbitExchange(new FakeExchangeOptions { SendQueueLimit = 0 }), Throws.ArgumentException.With.Message.Contains("SendQueueLimit"));
        });
    }
}
