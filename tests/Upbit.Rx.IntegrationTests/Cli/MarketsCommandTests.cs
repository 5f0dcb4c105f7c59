using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Cli;

public sealed class MarketsCommandTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Markets_Simulated_ListsEveryPairTabSeparatedInCodeOrder(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "markets", "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        var codes = new MarketSimulatorOptions().Codes.Order(StringComparer.Ordinal);
        Assert.That(run.Lines.Select(l => l.Split('\t')[0]), Is.EqualTo(codes));
        Assert.That(run.Lines, Has.All.Match("^[A-Z]+-[A-Z]+\t[^\t]+\t[^\t]+\t(-|[a-z,-]+)$"));
        Assert.That(run.Error, Does.Contain("5 of 5 pair(s) from simulator, 0 with warnings"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Markets_QuoteKrw_OnlyKrwPairs(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "markets", "--quote", "KRW", "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Lines.Select(l => l.Split('\t')[0]), Is.EqualTo(new[] { "KRW-BTC", "KRW-ETH", "KRW-XRP" }));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Markets_UnknownQuote_UsageErrorNamingTheQuotesThereAre(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "markets", "--quote", "EUR", "--simulate");

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("no pair is quoted in 'EUR'; the quote currencies are BTC, KRW, USDT"));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Markets_EndpointWithNothingListening_ExitThreeSuggestingSimulate(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "markets", "--endpoint", $"ws://127.0.0.1:{WatchCommandTests.ClosedPort()}/websocket/v1");

        Assert.That(exit, Is.EqualTo(ExitCodes.Unreachable), run.Error);
        Assert.That(run.Error, Does.Contain("--simulate"));
    }
}
