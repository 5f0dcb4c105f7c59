using NUnit.Framework;
using Upbit.Rx.Cli.Parsing;

namespace Upbit.Rx.Tests.Cli.Commands;

public sealed class ReplayCommandTests
{
    [Test]
    public void Bind_FileAndSpeed_AreRead()
    {
        var app = CliTestEnvironment.App();

        var settings = app.Replay.Bind(app.Parse("replay", "capture.jsonl", "--speed", "10", "--for", "1m"));

        Assert.That((settings.ReplayFile, settings.Speed, settings.For, settings.Stream), Is.EqualTo(("capture.jsonl", new ReplaySpeed(10), (TimeSpan?)TimeSpan.FromMinutes(1), (Upbit.Rx.Cli.Commands.WatchStream?)null)));
    }

    [Test]
    public void Bind_NoSpeed_PlaysAtRecordedPace()
    {
        var app = CliTestEnvironment.App();

        Assert.That(app.Replay.Bind(app.Parse("replay", "capture.jsonl")).Speed, Is.EqualTo(ReplaySpeed.Original));
    }

    [TestCase("replay")]
    [TestCase("replay", "a.jsonl", "b.jsonl")]
    [TestCase("replay", "a.jsonl", "--speed", "fast")]
    public void Parse_BadInput_IsAParseError(params string[] args)
    {
        Assert.That(CliTestEnvironment.App().Parse(args).Errors, Has.Count.GreaterThanOrEqualTo(1));
    }
}
