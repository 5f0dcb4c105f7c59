using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NUnit.Framework;
using Upbit.Rx.Cli;

namespace Upbit.Rx.IntegrationTests.Cli;

public sealed class WatchCommandTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_TickerSimulated_PrintsTheSimulatorsPricesInOrder(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "watch", "ticker", "KRW-BTC", "KRW-ETH", "--simulate", "--for", "2500ms");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        foreach (var code in new[] { "KRW-BTC", "KRW-ETH" })
        {
            var printed = Column(run.Lines, "ticker", code, 2);
            Assert.That(printed, Has.Count.GreaterThanOrEqualTo(3), run.Out);
            Assert.That(SimulatedPrices.IsRunOf(printed, SimulatedPrices.Path(code)), Is.True, $"{code}: {string.Join(' ', printed)}");
        }

        Assert.That(run.Lines, Has.All.Match(@"^ticker KRW-(BTC|ETH) \d+ [+-]?\d+\.\d\d% vol24h \d+(\.\d+)?$"));
        Assert.That(run.Error, Does.Contain("upbit-rx: public: Connected"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_TradeSimulated_PrintsEachTradeOnceInSequence(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "watch", "trade", "KRW-BTC", "--simulate", "--for", "2500ms");

        var prices = Column(run.Lines, "trade", "KRW-BTC", 4);
        var ids = run.Lines.Select(l => long.Parse(l.Split(' ')[^1].TrimStart('#'), CultureInfo.InvariantCulture)).ToList();
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(ids, Has.Count.GreaterThanOrEqualTo(3).And.Ordered.Ascending.And.Unique);
        Assert.That(SimulatedPrices.IsRunOf(prices, SimulatedPrices.Path("KRW-BTC")), Is.True, run.Out);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_OrderbookWithUnits_PrintsBooksOfThatDepthWithPositiveSpread(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "watch", "orderbook", "KRW-ETH", "--units", "5", "--simulate", "--for", "2s", "--format", "simple");

        var asks = Column(run.Lines, "orderbook", "KRW-ETH", 3);
        var bids = Column(run.Lines, "orderbook", "KRW-ETH", 8);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Lines, Has.Count.GreaterThanOrEqualTo(2).And.All.EndsWith("| 5 units level 0"));
        Assert.That(asks.Zip(bids, (a, b) => a > b), Has.All.True);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_CandleInterval_PrintsCandlesOfThatPeriod(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "watch", "candle", "KRW-BTC", "--interval", "1s", "--simulate", "--for", "2500ms");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Lines, Has.Count.GreaterThanOrEqualTo(2).And.All.Match(@"^candle KRW-BTC 1s \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d O \d+ H \d+ L \d+ C \d+ V [\d.]+$"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_Terminal_DrawsTheTickerTableAndStatusLine(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunInTerminalAsync(cancellationToken, "watch", "ticker", "KRW-BTC", "--simulate", "--for", "2s");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Out, Does.Contain("Tickers").And.Contain("KRW-BTC").And.Contain("simulator · public: Connected").And.Contain("msg/s"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_Cancelled_ExitsZero(CancellationToken cancellationToken)
    {
        var run = new CliRun();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(2));

        var exit = await run.RunAsync(stop.Token, "watch", "ticker", "KRW-XRP", "--simulate");

        Assert.That((exit, run.Lines.Count > 0), Is.EqualTo((ExitCodes.Ok, true)), run.Error);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_NothingListening_ExitsThreeAndSuggestsSimulate(CancellationToken cancellationToken)
    {
        var run = new CliRun();
        var endpoint = $"ws://127.0.0.1:{ClosedPort()}/websocket/v1";

        var exit = await run.RunAsync(cancellationToken, "watch", "ticker", "KRW-BTC", "--endpoint", endpoint, "--for", "20s");

        Assert.That(exit, Is.EqualTo(ExitCodes.Unreachable));
        Assert.That(run.Error, Does.Contain($"upbit-rx: cannot reach {endpoint}").And.Contain("run with --simulate"));
        Assert.That(run.Error, Does.Not.Contain("Reconnecting"), "no reconnect is announced when the run ends instead");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_PathNotFound_OneSentenceWithOneFullStop(CancellationToken cancellationToken)
    {
        await using var server = await Upbit.Rx.Testing.LoopbackUpbitServer.StartAsync(cancellationToken: cancellationToken);
        var endpoint = new UriBuilder(server.PublicEndpoint) { Path = "/no/such/path" }.Uri.ToString();
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "watch", "ticker", "KRW-BTC", "--endpoint", endpoint, "--for", "20s");

        Assert.That(exit, Is.EqualTo(ExitCodes.Unreachable), run.Error);
        Assert.That(run.Error, Does.Contain("404").And.Not.Contain(".."), run.Error);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_UnknownBesideKnown_NamesItOnStandardErrorAndShowsTheKnown(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "watch", "ticker", "KRW-BTC", "KRW-NOPE", "--simulate", "--for", "2s");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Error, Does.Contain("upbit-rx: not listed on simulator, not shown: KRW-NOPE"));
        Assert.That(run.Lines, Has.Count.GreaterThanOrEqualTo(2).And.All.StartWith("ticker KRW-BTC "));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Watch_EveryCodeUnknown_UsageErrorNamingThem(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "watch", "trade", "KRW-NOPE", "KRW-NADA", "--simulate", "--for", "10s");

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("not listed on simulator: KRW-NOPE, KRW-NADA"));
        Assert.That(run.Out, Is.Empty);
    }

    internal static List<decimal> Column(IEnumerable<string> lines, string type, string code, int index) =>
        [.. lines.Select(l => l.Split(' ')).Where(w => w[0] == type && w[1] == code).Select(w => decimal.Parse(w[index], CultureInfo.InvariantCulture))];

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
