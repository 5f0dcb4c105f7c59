using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using NUnit.Framework;
using Upbit.Rx.Cli;

namespace Upbit.Rx.IntegrationTests.Cli;

public sealed class GatewayCommandTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Gateway_Simulate_ClientOfThePrintedUrlGetsTickersAndTheStatusLineCountsIt(CancellationToken cancellationToken)
    {
        var run = new CliRun();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var serving = run.RunAsync(stop.Token, "gateway", "--simulate", "--status-every", "200ms", "--for", "20s");
        var gateway = await run.Gateway.WaitAsync(cancellationToken);
        await using var client = new UpbitClient(new UpbitClientOptions { PublicEndpoint = gateway.Endpoint!, FallbackAfter = null, BackfillTrades = false });

        var tickers = await client.Ticker("KRW-BTC").Take(8).ToList().ToTask(cancellationToken);
        await stop.CancelAsync();
        var exit = await serving;

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(SimulatedPrices.Path("KRW-BTC"), Does.Contain(tickers[^1].TradePrice));
        Assert.That(run.Out, Does.Contain($"  downstream: {gateway.Endpoint}"));
        Assert.That(run.Lines.Any(l => l.StartsWith("downstream 1 · upstream Connected (1 keys)", StringComparison.Ordinal)), Is.True, run.Out);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Gateway_NonLoopbackBindWithoutAllowRemote_ExitsWithUsage(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "gateway", "--simulate", "--bind", "0.0.0.0");

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("add --allow-remote"));
    }
}
