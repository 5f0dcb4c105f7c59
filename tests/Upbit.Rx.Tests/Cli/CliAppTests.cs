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
}
