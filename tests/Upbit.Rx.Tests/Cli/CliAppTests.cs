using NUnit.Framework;
using Upbit.Rx.Cli;

namespace Upbit.Rx.Tests.Cli;

public sealed class CliAppTests
{
    [Test]
    public async Task RunAsync_Help_ListsEveryCommandAndExitsZero()
    {
        var output = new StringWriter();
        var app = new CliApp(new CliEnvironment { Out = output, Error = new StringWriter() });

        var code = await app.RunAsync(["--help"], CancellationToken.None);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output.ToString(), Does.Contain("watch").And.Contain("record").And.Contain("replay").And.Contain("serve"));
    }

    [TestCase("frobnicate")]
    [TestCase("watch", "ticker", "KRW-BTC", "--for", "ever")]
    [TestCase("watch", "ticker")]
    [TestCase("record", "ticker", "KRW-BTC")]
    public async Task RunAsync_BadUsage_ExitsTwoWithOneLineReasonAndHint(params string[] args)
    {
        var error = new StringWriter();
        var app = new CliApp(new CliEnvironment { Out = new StringWriter(), Error = error });

        var code = await app.RunAsync(args, CancellationToken.None);

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error.ToString(), Does.StartWith("upbit-rx: "));
    }

    [TestCase("krw-btc", "Market code \"krw-btc\" has lower-case letters; Upbit ignores those silently. Use \"KRW-BTC\".")]
    public async Task RunAsync_LowerCaseCode_ExitsTwoWithTheClientsMessage(string code, string message)
    {
        var error = new StringWriter();
        var app = new CliApp(new CliEnvironment { Out = new StringWriter(), Error = error });

        // NB: the code is rejected at the client call, before anything connects; the endpoint is loopback regardless.
        var exit = await app.RunAsync(["watch", "ticker", code, "--endpoint", "ws://127.0.0.1:9/websocket/v1"], CancellationToken.None);

        Assert.That((exit, error.ToString()), Is.EqualTo((ExitCodes.Usage, $"upbit-rx: {message}{Environment.NewLine}")));
    }

    [Test]
    public async Task RunAsync_RecordLowerCaseCode_ExitsTwoBeforeCreatingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"upbit-rx-{Guid.NewGuid():N}.jsonl");
        var app = new CliApp(new CliEnvironment { Out = new StringWriter(), Error = new StringWriter() });

        var exit = await app.RunAsync(["record", "ticker", "KRW-btc", "--out", path, "--endpoint", "ws://127.0.0.1:9/websocket/v1"], CancellationToken.None);

        Assert.That((exit, File.Exists(path)), Is.EqualTo((ExitCodes.Usage, false)));
    }

    [Test]
    public async Task RunAsync_ReplayMissingFile_ExitsFour()
    {
        var error = new StringWriter();
        var path = Path.Combine(Path.GetTempPath(), $"upbit-rx-missing-{Guid.NewGuid():N}.jsonl");
        var app = new CliApp(new CliEnvironment { Out = new StringWriter(), Error = error });

        var exit = await app.RunAsync(["replay", path], CancellationToken.None);

        Assert.That(exit, Is.EqualTo(ExitCodes.FileProblem));
        Assert.That(error.ToString(), Does.StartWith($"upbit-rx: {path}: cannot read: "));
    }

    [Test]
    public async Task RunAsync_UnknownCommand_OneErrorNamingItThenTheHint()
    {
        var error = new StringWriter();
        var app = new CliApp(new CliEnvironment { Out = new StringWriter(), Error = error });

        var exit = await app.RunAsync(["frobnicate"], CancellationToken.None);

        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(lines, Has.Length.EqualTo(2), error.ToString());
        Assert.That(lines[0], Does.StartWith("upbit-rx: ").And.Contain("'frobnicate'"));
    }

    [Test]
    public async Task RunAsync_CandleHelp_ShowsTheIntervalDefaultAsTyped()
    {
        var output = new StringWriter();
        var app = new CliApp(new CliEnvironment { Out = output, Error = new StringWriter() });

        var exit = await app.RunAsync(["watch", "candle", "--help"], CancellationToken.None);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output.ToString(), Does.Contain("[default: 1m]").And.Not.Contain("OneMinute"));
    }

    [Test]
    public async Task RunAsync_ReplayHelp_SpeedTakesAnyFactor()
    {
        var output = new StringWriter();
        var app = new CliApp(new CliEnvironment { Out = output, Error = new StringWriter() });

        await app.RunAsync(["replay", "--help"], CancellationToken.None);

        Assert.That(output.ToString(), Does.Contain("--speed <factor|max>").And.Contain("--skip-bad").And.Not.Contain("<1|10|max>"));
    }

    [Test]
    public async Task RunAsync_ReplayDirectory_ExitsFourSayingItIsADirectory()
    {
        var error = new StringWriter();
        var path = Directory.CreateTempSubdirectory("upbit-rx-").FullName;
        var app = new CliApp(new CliEnvironment { Out = new StringWriter(), Error = error });
        try
        {
            var exit = await app.RunAsync(["replay", path], CancellationToken.None);

            Assert.That((exit, error.ToString()), Is.EqualTo((ExitCodes.FileProblem, $"upbit-rx: {path}: is a directory, not a recording{Environment.NewLine}")));
        }
        finally
        {
            Directory.Delete(path);
        }
    }

    [Test]
    public async Task RunAsync_RecordOverExistingFile_ExitsFourAndKeepsIt()
    {
        var error = new StringWriter();
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "76 frames");
        var app = new CliApp(new CliEnvironment { Out = new StringWriter(), Error = error });
        try
        {
            var exit = await app.RunAsync(["record", "ticker", "KRW-BTC", "--out", path, "--endpoint", "ws://127.0.0.1:9/websocket/v1"], CancellationToken.None);

            Assert.That((exit, File.ReadAllText(path)), Is.EqualTo((ExitCodes.FileProblem, "76 frames")));
            Assert.That(error.ToString(), Does.Contain("already exists; add --force to overwrite it"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
