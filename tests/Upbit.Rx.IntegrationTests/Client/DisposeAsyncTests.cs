using System.Diagnostics;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Client;

/// <summary><see cref="UpbitClient.DisposeAsync"/> completes the close handshake, bounded, over real sockets on 127.0.0.1.</summary>
public sealed class DisposeAsyncTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(15);

    [Test]
    [CancelAfter(30_000)]
    public async Task DisposeAsync_OpenConnection_ServerSawNormalClosureWhenItReturns([Values] TransportKind transport, CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(cancellationToken: cancellationToken);
        var client = new UpbitClient(Options(server, transport));
        var first = FirstRequestAsync(server, cancellationToken);
        using var sub = client.Ticker("KRW-BTC").Subscribe(_ => { });
        await first;

        await client.DisposeAsync();

        Assert.That(server.Exchange.Connections.Select(c => c.CloseCode), Is.EqualTo(new int?[] { 1000 }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task DisposeAsync_ServerNeverAnswersTheClose_ReturnsInsteadOfWaitingForTheAnswer([Values] TransportKind transport, CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(cancellationToken: cancellationToken);
        var client = new UpbitClient(Options(server, transport));
        var first = FirstRequestAsync(server, cancellationToken);
        using var sub = client.Ticker("KRW-BTC").Subscribe(_ => { });
        var request = await first;
        server.Exchange.Stall(request.ConnectionId);
        var watch = Stopwatch.StartNew();

        await client.DisposeAsync();

        watch.Stop();
        // NB: the client gives up after its close grace (about 2 s, 4 s at most); a dispose that waited for the answer
        // would never return. The bound is that contract with room for a loaded machine, not a timing measurement.
        Assert.That(watch.Elapsed, Is.LessThan(NoHang), "DisposeAsync waited for a close answer that never comes");
        Assert.That(server.Exchange.Connections.Single().CloseCode, Is.EqualTo(1000), "the close frame went out; only the answer was missing");
    }

    private static Task<ReceivedRequest> FirstRequestAsync(LoopbackUpbitServer server, CancellationToken cancellationToken) =>
        server.Exchange.RequestReceived.FirstAsync(r => r.Text.StartsWith('[')).ToTask(cancellationToken).WaitAsync(Bound, cancellationToken);

    private static UpbitClientOptions Options(LoopbackUpbitServer server, TransportKind transport) => new()
    {
        Transport = Transports.ForOptions(transport),
        PublicEndpoint = server.PublicEndpoint,
        PrivateEndpoint = server.PrivateEndpoint,
    };
}
