using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Client;

/// <summary>The <see cref="HttpClient"/> an <see cref="UpbitClient"/> makes for itself, over the loopback server's real HTTP.</summary>
[TestFixture]
public sealed class UpbitClientOwnHttpTests
{
    [Test]
    [CancelAfter(20_000)]
    public async Task Rest_NoHttpClientGiven_MadeAtTheFirstCallAndDisposedWithTheClient(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(cancellationToken: cancellationToken);
        var upbit = new UpbitClient(new UpbitClientOptions { PublicEndpoint = server.PublicEndpoint, RestEndpoint = server.RestEndpoint });
        var before = upbit.Rest.CurrentHttpClient;

        var markets = await upbit.Rest.GetMarketsAsync(cancellationToken: cancellationToken);
        var http = upbit.Rest.CurrentHttpClient;
        await upbit.DisposeAsync();

        Assert.That((before, http is null, markets.Count > 0), Is.EqualTo(((HttpClient?)null, false, true)));
        Assert.Throws<ObjectDisposedException>(() => http!.CancelPendingRequests());
    }
}
