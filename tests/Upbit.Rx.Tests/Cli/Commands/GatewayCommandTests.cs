using System.Net;
using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Cli.Commands;
using Upbit.Rx.Cli.Gateway;
using Upbit.Rx.Gateway;

namespace Upbit.Rx.Tests.Cli.Commands;

public sealed class GatewayCommandTests
{
    [Test]
    public void Bind_Nothing_LoopbackFreePortUpbitUpstreamNoToken()
    {
        var app = CliTestEnvironment.App();

        var settings = app.Gateway.Bind(app.Parse("gateway"));

        Assert.That(settings, Is.EqualTo(new GatewaySettings(null, false, 0, IPAddress.Loopback, false, null, TimeSpan.FromSeconds(10), null)));
    }

    [Test]
    public void Bind_AllOptions_AreRead()
    {
        var app = CliTestEnvironment.App();

        var settings = app.Gateway.Bind(app.Parse(
            "gateway", "--upstream", "ws://127.0.0.1:9000/websocket/v1", "--port", "8765", "--bind", "0.0.0.0", "--allow-remote",
            "--token", "t0k", "--status-every", "1s", "--for", "1m"));

        Assert.That(settings, Is.EqualTo(new GatewaySettings(
            new Uri("ws://127.0.0.1:9000/websocket/v1"), false, 8765, IPAddress.Any, true, "t0k", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1))));
    }

    [Test]
    public void Bind_NonLoopbackWithoutAllowRemote_IsAUsageError()
    {
        var app = CliTestEnvironment.App();

        var error = Assert.Throws<CliException>(() => app.Gateway.Bind(app.Parse("gateway", "--bind", "0.0.0.0")));

        Assert.That((error!.ExitCode, error.Message), Is.EqualTo((ExitCodes.Usage, "--bind 0.0.0.0 serves other hosts; add --allow-remote to mean it (and --token to admit only your clients).")));
    }

    [Test]
    public void Bind_UpstreamAndSimulate_IsAUsageError()
    {
        var app = CliTestEnvironment.App();

        var error = Assert.Throws<CliException>(() => app.Gateway.Bind(app.Parse("gateway", "--simulate", "--upstream", "wss://example.invalid/websocket/v1")));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [TestCase("--upstream", "https://api.example.invalid/")]
    [TestCase("--bind", "localhost:80")]
    [TestCase("--status-every", "soon")]
    public void Parse_BadValue_IsAParseError(string option, string value)
    {
        Assert.That(CliTestEnvironment.App().Parse("gateway", option, value).Errors, Has.Count.EqualTo(1));
    }

    [Test]
    public void Settings_ToString_HidesTheToken()
    {
        var settings = new GatewaySettings(null, false, 0, IPAddress.Loopback, false, "s3cret", TimeSpan.FromSeconds(1), null);

        Assert.That(settings.ToString(), Does.Not.Contain("s3cret").And.Contain("Token = ***"));
    }

    [Test]
    public void StatusLine_TwoReadings_ShowsRatesOverTheElapsedTime()
    {
        var previous = new UpbitGatewayStatus(2, null, 3, 100, 300, 4, 0);
        var current = new UpbitGatewayStatus(3, new ConnectionState("public", ConnectionStatus.Connected), 4, 150, 450, 6, 1);

        var line = GatewayStatusLine.Format(previous, current, TimeSpan.FromSeconds(10));

        Assert.That(line, Is.EqualTo("downstream 3 · upstream Connected (4 keys) · in 5.0 msg/s · out 15.0 msg/s · slow clients dropped 1"));
    }
}
