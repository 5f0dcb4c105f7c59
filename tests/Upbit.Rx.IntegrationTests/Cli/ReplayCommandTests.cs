using System.Diagnostics;
using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Cli.Recording;

namespace Upbit.Rx.IntegrationTests.Cli;

public sealed class ReplayCommandTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Replay_SampleFrames_PrintsWhatTheClientDecodedInFileOrder(CancellationToken cancellationToken)
    {
        var path = Recordings.Write(
            new RecordedFrame(1000, Recordings.Fixture("ws_status_up_upbit-kr-live.json")),
            new RecordedFrame(1001, Recordings.Fixture("ws_ticker_default_realtime_upbit-docs-recipe-java.json")),
            new RecordedFrame(1002, Recordings.Fixture("ws_trade_default_upbit-docs_krw-btc.json")),
            new RecordedFrame(1003, Recordings.Fixture("ws_orderbook_default_upbit-docs_krw-eth_level0.json")),
            new RecordedFrame(1004, Recordings.Fixture("ws_candle_default_upbit-docs_1m.json")));
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "replay", path, "--speed", "max");

        File.Delete(path);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Lines, Is.EqualTo(new[]
        {
            "ticker KRW-BTC 158200000 0.00% vol24h 2083.83396972",
            "trade KRW-BTC 07:15:54.797 ASK 109847000 x 0.00509799 #17877285547970000",
            "orderbook KRW-ETH ask 3426000 x 80.27690046 | bid 3425000 x 36.87952898 | spread 1000 | 30 units level 0",
            "candle KRW-BTC 1m 2026-08-26T08:08:00 O 109715000 H 109756000 L 109714000 C 109756000 V 0.71326612",
        }));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Replay_RecordedPace_KeepsTheGapBetweenFrames(CancellationToken cancellationToken)
    {
        var trade = Recordings.Fixture("ws_trade_default_upbit-docs_krw-btc.json");
        var later = trade.Replace("17877285547970000", "17877285547970001", StringComparison.Ordinal).Replace("1787728554853", "1787728555653", StringComparison.Ordinal);
        var path = Recordings.Write(new RecordedFrame(5_000, trade), new RecordedFrame(5_800, later));
        var run = new CliRun();
        var clock = Stopwatch.StartNew();

        var exit = await run.RunAsync(cancellationToken, "replay", path, "--speed", "1");

        clock.Stop();
        File.Delete(path);
        Assert.That((exit, run.Lines.Count), Is.EqualTo((ExitCodes.Ok, 2)), run.Error);
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(750)));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task WatchReplay_Terminal_ShowsTheRecordedBookAndTrade(CancellationToken cancellationToken)
    {
        var path = Recordings.Write(
            new RecordedFrame(1, Recordings.Fixture("ws_orderbook_default_upbit-docs_krw-eth_level0.json")),
            new RecordedFrame(2, Recordings.Fixture("ws_trade_default_upbit-docs_krw-btc.json")));
        var run = new CliRun();

        var exit = await run.RunInTerminalAsync(cancellationToken, "watch", "--replay", path, "--speed", "max");

        File.Delete(path);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Out, Does.Contain("3,426,000").And.Contain("36.87952898").And.Contain("Trades").And.Contain("109,847,000").And.Contain("replay · "));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task WatchReplay_StreamAndCode_ShowsOnlyThose(CancellationToken cancellationToken)
    {
        var path = Recordings.Write(
            new RecordedFrame(1, Recordings.Fixture("ws_ticker_default_realtime_upbit-docs-recipe-java.json")),
            new RecordedFrame(2, Recordings.Fixture("ws_trade_default_upbit-docs_krw-btc.json")));
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "watch", "trade", "KRW-BTC", "--replay", path, "--speed", "max");

        File.Delete(path);
        Assert.That((exit, run.Lines), Is.EqualTo((ExitCodes.Ok, new[] { "trade KRW-BTC 07:15:54.797 ASK 109847000 x 0.00509799 #17877285547970000" })), run.Error);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Replay_OnlyStatusFrames_ExitsTwoSayingThereIsNothingToShow(CancellationToken cancellationToken)
    {
        var path = Recordings.Write(new RecordedFrame(1, Recordings.Fixture("ws_status_up_upbit-kr-live.json")));
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "replay", path);

        File.Delete(path);
        Assert.That((exit, run.Error.Trim()), Is.EqualTo((ExitCodes.Usage, "upbit-rx: the recording holds no ticker, trade, orderbook or candle messages")));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Replay_FileCutMidLine_FailsWithoutSkipBadAndPlaysTheRestWithIt(CancellationToken cancellationToken)
    {
        var path = Recordings.Write(
            new RecordedFrame(1, Recordings.Fixture("ws_ticker_default_realtime_upbit-docs-recipe-java.json")),
            new RecordedFrame(2, Recordings.Fixture("ws_trade_default_upbit-docs_krw-btc.json")));
        File.AppendAllText(path, "{\"t\":3,\"frame\":\"{\\\"type\\\":\\\"tra");
        var strict = new CliRun();
        var lenient = new CliRun();

        var strictExit = await strict.RunAsync(cancellationToken, "replay", path, "--speed", "max");
        var lenientExit = await lenient.RunAsync(cancellationToken, "replay", path, "--speed", "max", "--skip-bad");

        File.Delete(path);
        Assert.That((strictExit, strict.Lines.Count), Is.EqualTo((ExitCodes.FileProblem, 0)));
        Assert.That(strict.Error, Does.Contain("line 3 is not a recorded frame").And.Contain("--skip-bad"));
        Assert.That(lenientExit, Is.EqualTo(ExitCodes.Ok), lenient.Error);
        Assert.That(lenient.Error, Does.Contain($"upbit-rx: skipped 1 malformed line(s) of {path}"));
        Assert.That(lenient.Lines, Has.Count.EqualTo(2).And.Some.StartsWith("ticker KRW-BTC").And.Some.StartsWith("trade KRW-BTC"));
    }
}
