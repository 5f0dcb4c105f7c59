using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Gateway;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Gateway;

/// <summary>An upstream stream that ends for good is never kept quiet: its downstream holders get an error frame and a close.</summary>
public sealed class UpbitGatewayUpstreamFailureTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public async Task Gateway_UpstreamRejectsAType_ItsHoldersGetUpbitsFrameAndCloseOthersKeepTheirData()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upstream = exchange.CreateClient();
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { Scheduler = scheduler });
        using var trades = new RawDownstream(gateway.Transport);
        using var tickers = new RawDownstream(gateway.Transport);
        scheduler.AdvanceBy(1);
        trades.Send("""[{"ticket":"t"},{"type":"trade","codes":["KRW-ETH"]}]""");
        tickers.Send("""[{"ticket":"k"},{"type":"ticker","codes":["KRW-BTC"]}]""");
        scheduler.AdvanceBy(3 * Second);
        Assert.That(trades.Of<Trade>("KRW-ETH").Any(), Is.True);

        exchange.SendError(exchange.Connections[^1].Id, "INVALID_PARAM", "trade 은 지원하지 않는 타입입니다.");
        scheduler.AdvanceBy(Second);
        var tickersAtError = tickers.Of<Ticker>("KRW-BTC").Count();
        scheduler.AdvanceBy(10 * Second);

        Assert.That(trades.Errors.Select(e => (e.Name, e.Message)), Is.EqualTo(new[] { ("INVALID_PARAM", "trade 은 지원하지 않는 타입입니다.") }), "Upbit's own frame, as a direct client would have got it");
        Assert.That(trades.Closed, Is.EqualTo(1000));
        Assert.That((tickers.IsOpen, tickers.Errors.Any()), Is.EqualTo((true, false)), "a holder of another type is not disturbed");
        Assert.That(tickers.Of<Ticker>("KRW-BTC").Count(), Is.GreaterThan(tickersAtError));
        Assert.That(gateway.Status.UpstreamKeys, Is.EqualTo(1), "the failed key left the held set");
    }

    [Test]
    public async Task Gateway_AfterAnUpstreamFailure_ANewRequestSubscribesUpstreamAfresh()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upstream = exchange.CreateClient();
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { Scheduler = scheduler });
        using var first = new RawDownstream(gateway.Transport);
        scheduler.AdvanceBy(1);
        first.Send("""[{"ticket":"f"},{"type":"trade","codes":["KRW-ETH"]}]""");
        scheduler.AdvanceBy(3 * Second);
        exchange.SendError(exchange.Connections[^1].Id, "INVALID_PARAM", "trade 은 지원하지 않는 타입입니다.");
        scheduler.AdvanceBy(10 * Second);

        using var again = new RawDownstream(gateway.Transport);
        scheduler.AdvanceBy(1);
        again.Send("""[{"ticket":"a"},{"type":"trade","codes":["KRW-ETH"]}]""");
        scheduler.AdvanceBy(10 * Second);

        Assert.That(first.Closed, Is.EqualTo(1000));
        Assert.That((again.IsOpen, again.Errors.Any()), Is.EqualTo((true, false)));
        Assert.That(again.Of<Trade>("KRW-ETH").Select(t => t.StreamType).FirstOrDefault(), Is.EqualTo(StreamType.Snapshot));
        Assert.That(again.Of<Trade>("KRW-ETH").Count(), Is.GreaterThan(1), "data flows again through a fresh upstream stream");
    }

    [Test]
    public async Task Gateway_UpstreamClientDisposed_HoldersAndLaterRequestsGetUpstreamClosedAndAClose()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var upstream = exchange.CreateClient();
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions { Scheduler = scheduler });
        using var holder = new RawDownstream(gateway.Transport);
        using var idle = new RawDownstream(gateway.Transport);
        scheduler.AdvanceBy(1);
        holder.Send("""[{"ticket":"h"},{"type":"ticker","codes":["KRW-BTC"]},{"type":"orderbook","codes":["KRW-BTC.5"]}]""");
        scheduler.AdvanceBy(3 * Second);

        upstream.Dispose();
        scheduler.AdvanceBy(Second);
        idle.Send("""[{"ticket":"i"},{"type":"trade","codes":["KRW-XRP"]}]""");
        scheduler.AdvanceBy(Second);

        Assert.That(holder.Errors.Select(e => e.Name), Is.EqualTo(new[] { "UPSTREAM_CLOSED" }), "one frame, however many keys it held");
        Assert.That(holder.Errors.Single().Message, Does.Contain("disposed"));
        Assert.That(idle.Errors.Select(e => e.Name), Is.EqualTo(new[] { "UPSTREAM_CLOSED" }), "a request after the disposal learns it at once");
        Assert.That((holder.Closed, idle.Closed), Is.EqualTo(((int?)1000, (int?)1000)));
        Assert.That(gateway.Status.UpstreamKeys, Is.Zero);
    }
}
