using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Cli.Recording;
using Upbit.Rx.Cli.Views;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Cli;

public sealed class RecordCommandTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Record_LoopbackServer_WritesEveryFrameWithReceiveTime(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(cancellationToken: cancellationToken);
        var path = Recordings.TempPath();
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "record", "ticker,trade", "KRW-BTC", "--endpoint", server.PublicEndpoint.ToString(), "--for", "5s", "--out", path);

        var frames = RecordingFile.Load(path);
        File.Delete(path);
        var messages = frames.Select(f => UpbitDecoder.Decode(f.Frame)).SelectMany(r => r.Messages).ToList();
        var tickerPrices = messages.OfType<Ticker>().Select(t => t.TradePrice).ToList();
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Error, Does.EndWith($"upbit-rx: recorded {frames.Count} frame(s) to {path}{Environment.NewLine}"));
        Assert.That(frames.Select(f => f.Time), Is.Ordered.Ascending);
        Assert.That(messages.OfType<IMarketMessage>().Select(m => m.Code), Has.All.EqualTo("KRW-BTC"));
        Assert.That((tickerPrices.Count >= 3, messages.OfType<Trade>().Count() >= 3), Is.EqualTo((true, true)));
        Assert.That(SimulatedPrices.IsRunOf(tickerPrices, SimulatedPrices.Path("KRW-BTC")), Is.True, string.Join(' ', tickerPrices));
        Assert.That(server.Exchange.Requests.Single().Text, Does.StartWith("[{\"ticket\":\"upbit-rx-").And.EndWith(",{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"DEFAULT\"}]"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task RecordThenReplay_Simulator_ReplayPrintsExactlyWhatWasRecorded(CancellationToken cancellationToken)
    {
        var path = Recordings.TempPath();
        var recording = new CliRun();
        var replay = new CliRun();

        var recorded = await recording.RunAsync(cancellationToken, "record", "orderbook.5,candle.1s", "KRW-BTC", "KRW-ETH", "--simulate", "--for", "2s", "--out", path);
        var expected = RecordingFile.Load(path).SelectMany(f => UpbitDecoder.Decode(f.Frame).Messages).Select(PlainLines.Format).OfType<string>().ToList();
        var replayed = await replay.RunAsync(cancellationToken, "replay", path, "--speed", "10");

        File.Delete(path);
        Assert.That((recorded, replayed), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), recording.Error + replay.Error);
        Assert.That(expected, Has.Count.GreaterThanOrEqualTo(4));
        Assert.That(replay.Lines, Is.EqualTo(expected));
        Assert.That(recording.Error, Does.Contain("upbit-rx: recording orderbook.5,candle.1s of KRW-BTC KRW-ETH"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Record_NothingListening_ExitsThree(CancellationToken cancellationToken)
    {
        var path = Recordings.TempPath();
        var run = new CliRun();
        var endpoint = $"ws://127.0.0.1:{WatchCommandTests.ClosedPort()}/websocket/v1";

        var exit = await run.RunAsync(cancellationToken, "record", "ticker", "KRW-BTC", "--endpoint", endpoint, "--out", path);

        Assert.That(File.Exists(path), Is.False, "a run that recorded nothing leaves no file");
        Assert.That(exit, Is.EqualTo(ExitCodes.Unreachable));
        Assert.That(run.Error, Does.Contain($"upbit-rx: cannot reach {endpoint}").And.Contain("--simulate"));
    }
}
