using System.Globalization;
using NUnit.Framework;
using Upbit.Rx.Cli;

namespace Upbit.Rx.IntegrationTests.Cli;

/// <summary><c>candles</c> and <c>trades</c> against the simulator, which starts with an hour of history.</summary>
public sealed class ExportCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("upbit-rx-export-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [CancelAfter(30_000)]
    public async Task Candles_Simulated_OneRowPerMinuteNewestFirstWithProgressLines(CancellationToken cancellationToken)
    {
        var run = new CliRun();
        var path = Path.Combine(_folder, "candles.csv");

        var exit = await run.RunAsync(cancellationToken, "candles", "KRW-BTC", "--interval", "1m", "--from", "now-30m", "--out", path, "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        Assert.That(lines[0], Is.EqualTo("code,interval,start_utc,start_kst,open,high,low,close,volume,value,timestamp"));
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.That(rows, Has.Count.InRange(29, 31), "one candle per minute of the half hour (the simulator trades every second)");
        Assert.That(rows.Select(r => r[2]), Is.Ordered.Ascending.And.Unique);
        Assert.That(rows, Has.All.Matches<string[]>(r => r![0] == "KRW-BTC" && r[1] == "1m" && r.Length == 11));
        Assert.That(rows, Has.All.Matches<string[]>(r => decimal.Parse(r![5], CultureInfo.InvariantCulture) >= decimal.Parse(r[6], CultureInfo.InvariantCulture)), "high >= low");
        Assert.That(run.Error, Does.Match(@"upbit-rx: KRW-BTC 1m candles: page 1, \d+ row\(s\), back to \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(100%\)"));
        Assert.That(run.Error, Does.Contain($"wrote {rows.Count} candle row(s) of KRW-BTC 1m candles to {path}"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Trades_Simulated_EveryTradeOnceNewestFirstAcrossPages(CancellationToken cancellationToken)
    {
        var run = new CliRun();
        var path = Path.Combine(_folder, "trades.csv");

        var exit = await run.RunAsync(cancellationToken, "trades", "KRW-ETH", "--from", "now-20m", "--out", path, "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        Assert.That(lines[0], Is.EqualTo("code,sequential_id,trade_timestamp,trade_date_utc,trade_time_utc,price,volume,ask_bid,prev_closing_price,change_price"));
        var ids = lines.Skip(1).Select(l => long.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.That(ids, Has.Count.GreaterThan(1000), "20 minutes at two trades a second: more than two pages of 500");
        Assert.That(ids, Is.Ordered.Ascending.And.Unique);
        Assert.That(lines.Skip(1), Has.All.Match(@"^KRW-ETH,\d+,\d+,\d{4}-\d\d-\d\d,\d\d:\d\d:\d\d,[\d.]+,[\d.]+,(ASK|BID),[\d.]+,[\d.]+$"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Candles_Terminal_DrawsAProgressBarAndWritesTheFile(CancellationToken cancellationToken)
    {
        var run = new CliRun();
        var path = Path.Combine(_folder, "candles.csv");

        var exit = await run.RunInTerminalAsync(cancellationToken, "candles", "KRW-BTC", "--interval", "5m", "--from", "now-1h", "--out", path, "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Out, Does.Match(@"KRW-BTC 5m candles: 1[2-4] row\(s\), 100%"));
        Assert.That(run.Error, Does.Not.Contain("page 1"), "no plain progress lines on a terminal");
        Assert.That(await File.ReadAllLinesAsync(path, cancellationToken), Has.Length.InRange(13, 15), "the header and one row per 5 minutes of the hour");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Trades_UnknownCode_UsageErrorAndNoFile(CancellationToken cancellationToken)
    {
        var run = new CliRun();
        var path = Path.Combine(_folder, "trades.csv");

        var exit = await run.RunAsync(cancellationToken, "trades", "KRW-NOPE", "--from", "now-10m", "--out", path, "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("'KRW-NOPE' is not a listed market code"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.Empty, "neither the file nor a partial one");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Candles_LowerCaseCode_UsageErrorBeforeAnyFile(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "candles", "krw-btc", "--from", "now-10m", "--out", Path.Combine(_folder, "c.csv"), "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.Empty);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Candles_UnwritableOutput_ExitFourNamingThePath(CancellationToken cancellationToken)
    {
        var run = new CliRun();
        var path = Path.Combine(_folder, "no-such-folder", "c.csv");

        var exit = await run.RunAsync(cancellationToken, "candles", "KRW-BTC", "--from", "now-10m", "--out", path, "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.FileProblem));
        Assert.That(run.Error, Does.Contain(path).And.Contain("does not exist"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Candles_ExistingOutputWithoutForce_ExitFourAndFileKept(CancellationToken cancellationToken)
    {
        var run = new CliRun();
        var path = Path.Combine(_folder, "c.csv");
        await File.WriteAllTextAsync(path, "an earlier export", cancellationToken);

        var exit = await run.RunAsync(cancellationToken, "candles", "KRW-BTC", "--from", "now-10m", "--out", path, "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.FileProblem));
        Assert.That(await File.ReadAllTextAsync(path, cancellationToken), Is.EqualTo("an earlier export"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Trades_OlderThanUpbitKeeps_UsageErrorFromTheRestClient(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "trades", "KRW-BTC", "--from", "now-240h", "--out", Path.Combine(_folder, "t.csv"), "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.Empty);
    }
}
