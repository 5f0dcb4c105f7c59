using NUnit.Framework;
using Upbit.Rx.Cli;

namespace Upbit.Rx.Tests.Cli.Commands;

public sealed class MarketsCommandTests
{
    [TestCase("KRW", "KRW")]
    [TestCase("krw", "KRW")]
    [TestCase(null, null)]
    public void Bind_Quote_IsReadUpperCase(string? quote, string? expected)
    {
        var app = CliTestEnvironment.App();
        string[] args = ["markets", "--warned"];

        var settings = app.Markets.Bind(app.Parse(quote is null ? args : [.. args, "--quote", quote]));

        Assert.That((settings.Quote, settings.WarnedOnly), Is.EqualTo((expected, true)));
    }

    [TestCase("K-RW")]
    [TestCase(" ")]
    public void Bind_MalformedQuote_UsageError(string quote)
    {
        var app = CliTestEnvironment.App();

        var error = Assert.Throws<CliException>(() => app.Markets.Bind(app.Parse("markets", "--quote", quote)));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }
}
