using System.Net;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Testing;

/// <summary>Our <see cref="UpbitRestClient"/> against the loopback server's real HTTP: paging, decoding and errors agree.</summary>
[TestFixture]
[NonParallelizable]
public sealed class LoopbackRestClientTests
{
    private static readonly FakeExchangeOptions s_history = new()
    {
        Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromHours(1), History = TimeSpan.FromDays(60) },
    };

    [Test]
    [CancelAfter(20_000)]
    public async Task GetTradesAsync_TwoPagesByCursor_ContinueWithoutOverlapNewestFirst(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_history, cancellationToken: cancellationToken);
        using var rest = new UpbitRestClient(new UpbitRestOptions { BaseAddress = server.RestEndpoint });

        var first = await rest.GetTradesAsync("KRW-BTC", count: 500, cancellationToken: cancellationToken);
        var second = await rest.GetTradesAsync("KRW-BTC", count: 500, cursor: first[^1].SequentialId, cancellationToken: cancellationToken);
        var ids = first.Concat(second).Select(t => t.SequentialId).ToList();

        Assert.That((first.Count, second.Count), Is.EqualTo((500, 500)));
        Assert.That(ids, Is.Unique);
        Assert.That(first.Concat(second).Select(t => t.Timestamp), Is.Ordered.Descending);
        Assert.That(first.Concat(second).Select(t => t.Code), Has.All.EqualTo("KRW-BTC"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task GetCandlesAsync_TwoPagesOf200ByTo_ContinueWithoutOverlap(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_history, cancellationToken: cancellationToken);
        using var rest = new UpbitRestClient(new UpbitRestOptions { BaseAddress = server.RestEndpoint });

        var first = await rest.GetCandlesAsync("KRW-ETH", CandleInterval.SixtyMinutes, count: 200, cancellationToken: cancellationToken);
        var oldest = DateTimeOffset.Parse(first[^1].CandleDateTimeUtc + "Z", System.Globalization.CultureInfo.InvariantCulture);
        var second = await rest.GetCandlesAsync("KRW-ETH", CandleInterval.SixtyMinutes, count: 200, to: oldest, cancellationToken: cancellationToken);
        var starts = first.Concat(second).Select(c => c.CandleDateTimeUtc).ToList();

        Assert.That((first.Count, second.Count), Is.EqualTo((200, 200)));
        Assert.That(starts, Is.Unique.And.Ordered.Descending);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task GetCandlesAsync_UnknownCode_UpbitExceptionWithStatus(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(s_history, cancellationToken: cancellationToken);
        using var rest = new UpbitRestClient(new UpbitRestOptions { BaseAddress = server.RestEndpoint });

        var error = await Assert.ThrowsAsync<UpbitException>(() => rest.GetCandlesAsync("KRW-NOPE", CandleInterval.OneMinute, cancellationToken: cancellationToken));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
