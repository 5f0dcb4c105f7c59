using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using NUnit.Framework;
using Upbit.Rx.Cli;

namespace Upbit.Rx.IntegrationTests.Cli;

public sealed class ServeCommandTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Serve_ClientConnectsToThePrintedUrl_GetsSimulatedTickers(CancellationToken cancellationToken)
    {
        var run = new CliRun();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var serving = run.RunAsync(stop.Token, "serve", "--for", "20s");
        var server = await run.Server.WaitAsync(cancellationToken);
        await using var client = new UpbitClient(new UpbitClientOptions { PublicEndpoint = server.PublicEndpoint });

        var ticker = await client.Ticker("KRW-BTC").FirstAsync().ToTask(cancellationToken);
        await stop.CancelAsync();
        var exit = await serving;

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(SimulatedPrices.Path("KRW-BTC"), Does.Contain(ticker.TradePrice));
        Assert.That(run.Out, Does.Contain($"  public:  {server.PublicEndpoint}").And.Contain("markets: KRW-BTC, KRW-ETH, KRW-XRP, BTC-ETH, USDT-BTC"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Serve_For_StopsByItself(CancellationToken cancellationToken)
    {
        var run = new CliRun();

        var exit = await run.RunAsync(cancellationToken, "serve", "--for", "500ms");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Out, Does.Contain("Stopping after 500ms."));
    }
}
