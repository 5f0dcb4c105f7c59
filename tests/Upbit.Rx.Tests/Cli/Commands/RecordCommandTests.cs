using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Cli.Parsing;

namespace Upbit.Rx.Tests.Cli.Commands;

public sealed class RecordCommandTests
{
    [Test]
    public void Bind_TypesCodesAndOptions_AreRead()
    {
        var app = CliTestEnvironment.App();

        var settings = app.Record.Bind(app.Parse("record", "ticker,orderbook.5", "KRW-BTC", "KRW-XRP", "--out", "capture.jsonl", "--for", "30s", "--format", "simple", "--simulate"));

        Assert.That(
            (settings.Streams.ToArray(), settings.Codes.ToArray(), settings.Out, settings.For, settings.Format, settings.Simulate),
            Is.EqualTo((new[] { new RecordedStream("ticker", 0), new RecordedStream("orderbook", 5) }, new[] { "KRW-BTC", "KRW-XRP" }, "capture.jsonl", (TimeSpan?)TimeSpan.FromSeconds(30), WireFormat.Simple, true)));
    }

    [TestCase("--force", true)]
    [TestCase("-f", true)]
    [TestCase(null, false)]
    public void Bind_Force_IsRead(string? option, bool force)
    {
        var app = CliTestEnvironment.App();
        string[] args = ["record", "ticker", "KRW-BTC", "--out", "capture.jsonl"];

        var settings = app.Record.Bind(app.Parse(option is null ? args : [.. args, option]));

        Assert.That(settings.Force, Is.EqualTo(force));
    }

    [Test]
    public void Bind_ShortOutAlias_IsRead()
    {
        var app = CliTestEnvironment.App();

        Assert.That(app.Record.Bind(app.Parse("record", "trade", "KRW-BTC", "-o", "t.jsonl")).Out, Is.EqualTo("t.jsonl"));
    }

    [TestCase("record", "ticker", "KRW-BTC")]
    [TestCase("record", "ticker", "--out", "x.jsonl")]
    [TestCase("record", "--out", "x.jsonl")]
    public void Parse_MissingOutOrCodes_IsAParseError(params string[] args)
    {
        Assert.That(CliTestEnvironment.App().Parse(args).Errors, Has.Count.GreaterThanOrEqualTo(1));
    }

    [TestCase("tickers")]
    [TestCase("orderbook.3")]
    public void Bind_UnknownType_ThrowsUsageError(string types)
    {
        var app = CliTestEnvironment.App();
        var parse = app.Parse("record", types, "KRW-BTC", "--out", "x.jsonl");

        var error = Assert.Throws<CliException>(() => app.Record.Bind(parse));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void Bind_SimulateAndEndpoint_ThrowsUsageError()
    {
        var app = CliTestEnvironment.App();
        var parse = app.Parse("record", "ticker", "KRW-BTC", "--out", "x.jsonl", "--simulate", "--endpoint", "ws://127.0.0.1:1/");

        var error = Assert.Throws<CliException>(() => app.Record.Bind(parse));

        Assert.That(error!.Message, Is.EqualTo("use only one of --simulate and --endpoint"));
    }
}
