using NUnit.Framework;

namespace Upbit.Rx.Tests.Cli.Commands;

public sealed class ServeCommandTests
{
    [Test]
    public void Bind_PortAndFor_AreRead()
    {
        var app = CliTestEnvironment.App();

        Assert.That(app.Serve.Bind(app.Parse("serve", "--port", "8765", "--for", "90s")), Is.EqualTo((8765, (TimeSpan?)TimeSpan.FromSeconds(90))));
    }

    [Test]
    public void Bind_Nothing_PicksAFreePortAndRunsUntilStopped()
    {
        var app = CliTestEnvironment.App();

        Assert.That(app.Serve.Bind(app.Parse("serve")), Is.EqualTo((0, (TimeSpan?)null)));
    }

    [TestCase("70000")]
    [TestCase("-1")]
    [TestCase("http")]
    public void Parse_BadPort_IsAParseError(string port)
    {
        Assert.That(CliTestEnvironment.App().Parse("serve", "--port", port).Errors, Has.Count.GreaterThanOrEqualTo(1));
    }
}
