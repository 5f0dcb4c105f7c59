using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Cli;

/// <summary>Upbit error frames during <c>watch</c> and <c>record</c> end the command with exit code 1 and say why.</summary>
public sealed class ServerErrorTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_ServerSendsErrorFrame_ExitsOneNamingTheError(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(cancellationToken: cancellationToken);
        var opened = FirstRequest(server, cancellationToken);
        var run = new CliRun();

        var watching = run.RunAsync(cancellationToken, "watch", "ticker", "KRW-BTC", "--endpoint", server.PublicEndpoint.ToString(), "--for", "20s");
        server.Exchange.SendError((await opened).ConnectionId, "INVALID_AUTH", "인증 정보가 올바르지 않습니다.");
        var exit = await watching;

        Assert.That(exit, Is.EqualTo(ExitCodes.RuntimeFailure));
        Assert.That(run.Error, Does.Contain("upbit-rx: the stream failed: ").And.Contain("INVALID_AUTH"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Record_ServerSendsErrorAndCloses_ExitsOneKeepingTheFrames(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(cancellationToken: cancellationToken);
        var opened = FirstRequest(server, cancellationToken);
        var path = Recordings.TempPath();
        var run = new CliRun();

        var recording = run.RunAsync(cancellationToken, "record", "ticker", "KRW-BTC", "--endpoint", server.PublicEndpoint.ToString(), "--for", "20s", "--out", path);
        server.Exchange.SendError((await opened).ConnectionId, "INVALID_PARAM", "잘못된 파라미터", TimeSpan.FromMilliseconds(600));
        var exit = await recording;

        var frames = File.ReadAllLines(path);
        File.Delete(path);
        Assert.That(exit, Is.EqualTo(ExitCodes.RuntimeFailure));
        Assert.That(frames[^1], Does.Contain("INVALID_PARAM"));
        Assert.That(run.Error, Does.Contain($"upbit-rx: the server closed the connection (1000) after {frames.Length} frame(s); they are saved"));
    }

    private static Task<ReceivedRequest> FirstRequest(LoopbackUpbitServer server, CancellationToken cancellationToken) =>
        server.Exchange.RequestReceived.FirstAsync(r => r.Text.StartsWith('[')).ToTask(cancellationToken);
}
