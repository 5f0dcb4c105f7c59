using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Connection;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Connection;

/// <summary>
/// The trade backfill driven directly, with a socket that runs behind REST (the fake exchange's own socket never lags):
/// REST then returns trades the socket has not delivered yet, and they must not be published twice when they arrive.
/// </summary>
public sealed class TradeBackfillRestAheadTests
{
    private const string Code = "KRW-BTC";
    private static readonly long Ms = TimeSpan.TicksPerMillisecond;

    [TestCase(500, 0, -1, 0, TestName = "RestAhead_OneOutage_EachTradeOnceInOrder")]
    [TestCase(500, 0, 200, 100, TestName = "RestAhead_SecondOutageRightAfterTheBackfill_EachTradeOnceInOrder")]
    [TestCase(500, 300, 100, 100, TestName = "RestAhead_SecondOutageDuringTheBackfill_EachTradeOnceInOrder")]
    [TestCase(500, 0, 600, 100, TestName = "RestAhead_SecondOutageLater_EachTradeOnceInOrder")]
    public void SocketBehindRest(int socketLagMs, int restLatencyMs, int secondDropAfterMs, int secondOutageMs)
    {
        var run = Run(socketLagMs, restLatencyMs, secondDropAfterMs, secondOutageMs, new UpbitClientOptions());

        var ids = run.Published.Select(t => t.SequentialId).ToList();
        var expected = run.Log.Select(t => t.SequentialId).SkipWhile(id => id != ids[0]).ToList();
        Assert.That(run.Errors, Is.Empty, "no gap: every outage was filled");
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count), "no trade twice");
        Assert.That(ids, Is.EqualTo(expected.Take(ids.Count)), "the market's trades in order, none missed");
        Assert.That(expected.Count - ids.Count, Is.LessThanOrEqualTo((socketLagMs / 10 * 10) + 20), "no further behind than the socket's lag");
        Assert.That(run.Dropped, Is.Not.Empty, "REST returned trades the socket delivered later; the backfill dropped them");
    }

    [TestCase(500, 0, -1, 0, TestName = "RestAhead_BackfillStopsAtItsLimit_OneOutage_EveryLostTradeInAReportedGap")]
    [TestCase(500, 0, 200, 100, TestName = "RestAhead_BackfillStopsAtItsLimit_SecondOutageRightAfter_EveryLostTradeInAReportedGap")]
    [TestCase(500, 300, 100, 100, TestName = "RestAhead_BackfillStopsAtItsLimit_SecondOutageDuring_EveryLostTradeInAReportedGap")]
    [TestCase(500, 0, 600, 100, TestName = "RestAhead_BackfillStopsAtItsLimit_SecondOutageLater_EveryLostTradeInAReportedGap")]
    public void SocketBehindRest_BackfillStopsAtItsLimit(int socketLagMs, int restLatencyMs, int secondDropAfterMs, int secondOutageMs)
    {
        // NB: 300 trades are 30 ms of this market: every backfill stops short, and the held trades reach back further
        // than what it fetched. A second outage's snapshot is followed by a break here (what was in flight on the
        // dropped socket), so a gap that ended at the first trade held would leave that break unreported.
        var run = Run(socketLagMs, restLatencyMs, secondDropAfterMs, secondOutageMs, new UpbitClientOptions { BackfillLimit = 300 });

        var gaps = run.Errors.Select(e => e.Exception).OfType<UpbitTradeGapException>().ToList();
        Assert.That(gaps, Has.Count.EqualTo(run.Errors.Count), "only gaps are reported");
        Assert.That(TradeBackfillTests.AssertLostOnlyInGaps(run.Published, run.Log, gaps), Is.GreaterThan(0));
    }

    /// <summary>
    /// A market trading 1,000 times a second for 13 s; its trades reach the backfill <paramref name="socketLagMs"/> after
    /// they were made, with an outage of 1 s after 2 s and, unless <paramref name="secondDropAfterMs"/> is negative, a
    /// second one that long after the first reconnect.
    /// </summary>
    private static RestAheadRun Run(int socketLagMs, int restLatencyMs, int secondDropAfterMs, int secondOutageMs, UpbitClientOptions options)
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            RestLatency = TimeSpan.FromMilliseconds(restLatencyMs),
            Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMilliseconds(10), TradesPerTick = 10 },
        });
        var rest = new UpbitRestClient(exchange.CreateHttpClient(), new UpbitRestOptions { BaseAddress = FakeUpbitExchange.RestEndpoint, Scheduler = scheduler });
        using var signals = new ClientSignals();
        var errors = new List<UpbitError>();
        using var watch = signals.Errors.Subscribe(errors.Add);
        var published = new List<Trade>();
        var dropped = new List<Trade>();
        using var backfill = new TradeBackfill("public", rest, options with { Scheduler = scheduler }, signals, m => published.Add((Trade)m), dropped.Add);

        // NB: every trade reaches the backfill socketLagMs after the market made it, unless the socket was down then;
        // a reconnect delivers the snapshot (the latest trade the socket could know) first, as Upbit does.
        var log = new List<(Trade Trade, long At)>();
        var connected = true;
        var connection = 0;
        using var socket = exchange.Market.Messages.OfType<Trade>().Where(t => t.Code == Code).Subscribe(t =>
        {
            log.Add((t, scheduler.Now.UtcTicks));
            var madeOn = connection;
            scheduler.Schedule(TimeSpan.FromMilliseconds(socketLagMs), () =>
            {
                if (connected && madeOn == connection)
                {
                    backfill.OnLive(t with { StreamType = StreamType.Realtime });
                }
            });
        });
        void Drop()
        {
            connected = false;
            connection++;
        }

        void Reconnect()
        {
            connected = true;
            backfill.Reconnected(new HashSet<string> { Code });
            var known = scheduler.Now.UtcTicks - (socketLagMs * Ms);
            backfill.OnLive(log.Last(x => x.At <= known).Trade with { StreamType = StreamType.Snapshot });
        }

        scheduler.AdvanceBy(2_000 * Ms);
        Drop();
        scheduler.AdvanceBy(1_000 * Ms);
        Reconnect();
        if (secondDropAfterMs >= 0)
        {
            scheduler.AdvanceBy(secondDropAfterMs * Ms);
            Drop();
            scheduler.AdvanceBy(secondOutageMs * Ms);
            Reconnect();
        }

        scheduler.AdvanceBy(10_000 * Ms);
        return new RestAheadRun([.. log.Select(x => x.Trade)], published, dropped, errors);
    }

    /// <summary>What the market made (in order), what the backfill published and dropped as repeats, and what it reported.</summary>
    private sealed record RestAheadRun(List<Trade> Log, List<Trade> Published, List<Trade> Dropped, List<UpbitError> Errors);
}
