using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Connection;

/// <summary>
/// The trade backfill across reconnects, in virtual time against the fake exchange (socket and REST on one
/// TestScheduler): what a subscriber sees is compared with the exchange's own trade log for the code.
/// </summary>
public sealed class TradeBackfillTests
{
    private const string Code = "KRW-BTC";
    private static readonly long Second = TimeSpan.TicksPerSecond;

    /// <summary>No jitter: a drop plus N refused connects keeps the socket down for 1 + 2 + … + 2^N seconds.</summary>
    private static readonly UpbitClientOptions Steady = new() { Reconnect = new BackoffOptions { Jitter = BackoffJitter.None } };

    [Test]
    public void Reconnect_TradesProducedWhileDown_SubscriberSeesTheExchangeLogExactlyOnce()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var log = TradeLog(exchange);
        using var client = exchange.CreateClient(Steady);
        var trades = new List<Trade>();
        using var sub = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(5 * Second);

        exchange.RefuseNextConnections(3);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(30 * Second);

        Assert.That(exchange.Connections, Has.Count.EqualTo(2), "dropped, refused three times (not recorded), then back");
        AssertSameAsLog(trades, log);
        var health = client.GetHealth();
        Assert.That(health.TradesBackfilled, Is.GreaterThanOrEqualTo(25), "15 s at two trades a second were missed on the socket");
        Assert.That(health.TradeGaps, Is.Zero);
        Assert.That(exchange.RestRequests.Where(r => r.PathAndQuery.StartsWith("/v1/trades/ticks", StringComparison.Ordinal)).Select(r => r.Status), Is.EqualTo(new[] { 200 }));
    }

    [Test]
    public void Reconnect_TradesProducedWhileDown_BackfilledOnesAreMarkedRestAndOnlyThem()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(Steady);
        var trades = new List<Trade>();
        using var sub = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(5 * Second);
        var beforeDrop = trades.Count;

        exchange.RefuseNextConnections(3);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(30 * Second);

        var rest = trades.Where(t => t.StreamType == StreamType.Rest).ToList();
        Assert.That(trades.Take(beforeDrop).Any(t => t.StreamType == StreamType.Rest), Is.False, "nothing before the drop came from REST");
        Assert.That(rest, Has.Count.EqualTo(client.GetHealth().TradesBackfilled));
        Assert.That(rest, Has.Count.GreaterThanOrEqualTo(25), "15 s at two trades a second were missed on the socket");
        Assert.That(trades.Skip(trades.IndexOf(rest[^1]) + 1).All(t => t.StreamType != StreamType.Rest), Is.True, "live trades after the backfill keep the socket's marking");
    }

    [Test]
    public void Reconnect_SeveralCodesAndDrops_EveryCodeMatchesItsLog()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMilliseconds(100), TradesPerTick = 3 },
        });
        string[] codes = ["KRW-BTC", "KRW-ETH", "KRW-XRP"];
        var logs = codes.ToDictionary(c => c, c => TradeLog(exchange, c));
        using var client = exchange.CreateClient(Steady);
        var trades = new List<Trade>();
        using var sub = client.Trade(codes).Subscribe(trades.Add);
        scheduler.AdvanceBy(3 * Second);

        for (var drop = 0; drop < 4; drop++)
        {
            exchange.RefuseNextConnections(drop % 3);
            exchange.Drop(exchange.Connections[^1].Id);
            scheduler.AdvanceBy(12 * Second);
        }

        foreach (var code in codes)
        {
            AssertSameAsLog(trades.Where(t => t.Code == code).ToList(), logs[code]);
        }

        Assert.That(client.GetHealth().TradeGaps, Is.Zero);
    }

    [Test]
    public void Reconnect_TradeArrivesLiveWhileBackfillInFlight_HeldAndDeliveredAfterTheMissedOnes()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, RestLatency = TimeSpan.FromSeconds(3) });
        var log = TradeLog(exchange);
        using var client = exchange.CreateClient(Steady);
        var trades = new List<Trade>();
        using var sub = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(5 * Second);
        exchange.RefuseNextConnections(2);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(7 * Second + 200 * TimeSpan.TicksPerMillisecond);
        var request = exchange.RestRequests.Single(r => r.PathAndQuery.StartsWith("/v1/trades/ticks", StringComparison.Ordinal));
        var beforeAnswer = trades.Count;
        var producedBeforeAnswer = log.Count;

        scheduler.AdvanceTo(request.Ticks + 3 * Second - 1);
        var heldUntilAnswer = trades.Count;
        var producedInFlight = log.Count - producedBeforeAnswer;
        scheduler.AdvanceBy(10 * Second);

        Assert.That(producedInFlight, Is.GreaterThanOrEqualTo(5), "trades went on while the backfill was in flight");
        Assert.That(heldUntilAnswer, Is.EqualTo(beforeAnswer), "live trades of the code wait for the backfill");
        AssertSameAsLog(trades, log);
        Assert.That(client.GetHealth().TradeGaps, Is.Zero);
    }

    [Test]
    public void Reconnect_OutageLongerThanRestKeeps_DeliversWhatExistsAndReportsTheGap()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = new MarketSimulatorOptions { TradeHistoryLimit = 10 },
        });
        var log = TradeLog(exchange);
        using var client = exchange.CreateClient(Steady);
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var trades = new List<Trade>();
        using var sub = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(5 * Second);
        var lastBefore = trades[^1];

        exchange.RefuseNextConnections(3);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(30 * Second);

        var gap = errors.Where(e => e.Kind == UpbitErrorKind.TradeGap).Select(e => e.Exception).Cast<UpbitTradeGapException>().Single();
        var firstAfter = trades[trades.IndexOf(lastBefore) + 1];
        Assert.That((gap.Code, gap.AfterSequentialId, gap.BeforeSequentialId), Is.EqualTo((Code, lastBefore.SequentialId, firstAfter.SequentialId)));
        Assert.That((gap.From, gap.To), Is.EqualTo((lastBefore.TradedAt, firstAfter.TradedAt)));
        var missing = log.SkipWhile(t => t.SequentialId != lastBefore.SequentialId).Skip(1).TakeWhile(t => t.SequentialId != firstAfter.SequentialId).ToList();
        Assert.That(missing, Has.Count.GreaterThan(10), "more trades than REST keeps were produced while down");
        Assert.That(trades.Select(t => t.SequentialId).Intersect(missing.Select(t => t.SequentialId)), Is.Empty);
        AssertSameAsLog(trades, log, except: missing);
        Assert.That(client.GetHealth().TradeGaps, Is.EqualTo(1));
        Assert.That(gap.Message, Does.Contain(Code).And.Contain(lastBefore.SequentialId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Reconnect_MoreMissedThanBackfillLimit_NewestLimitDeliveredRestReported()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var log = TradeLog(exchange);
        using var client = exchange.CreateClient(Steady with { BackfillLimit = 8 });
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var trades = new List<Trade>();
        using var sub = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(5 * Second);
        var lastBefore = trades[^1];

        exchange.RefuseNextConnections(2);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(20 * Second);

        var gap = (UpbitTradeGapException)errors.Single(e => e.Kind == UpbitErrorKind.TradeGap).Exception!;
        Assert.That(gap.Reason, Does.Contain("BackfillLimit"));
        Assert.That(gap.AfterSequentialId, Is.EqualTo(lastBefore.SequentialId));
        Assert.That(client.GetHealth().TradesBackfilled, Is.EqualTo(8));
        var missing = log.SkipWhile(t => t.SequentialId != lastBefore.SequentialId).Skip(1).TakeWhile(t => t.SequentialId != gap.BeforeSequentialId).ToList();
        AssertSameAsLog(trades, log, except: missing);
    }

    private static List<Trade> TradeLog(FakeUpbitExchange exchange, string code = Code)
    {
        var log = new List<Trade>();
        exchange.Market.Messages.OfType<Trade>().Where(t => t.Code == code).Subscribe(log.Add);
        return log;
    }

    /// <summary>
    /// Each trade delivered once; every gap's bounds delivered and in the log's order; every trade of the log between the
    /// first and the last delivered that was not delivered lies strictly inside a reported gap. Returns how many were lost.
    /// </summary>
    internal static int AssertLostOnlyInGaps(IReadOnlyList<Trade> trades, IReadOnlyList<Trade> log, IReadOnlyList<UpbitTradeGapException> gaps)
    {
        var at = log.Select((t, i) => (t.SequentialId, i)).ToDictionary(x => x.SequentialId, x => x.i);
        var delivered = trades.Select(t => t.SequentialId).ToHashSet();
        Assert.That(delivered, Has.Count.EqualTo(trades.Count), "no trade twice");
        foreach (var gap in gaps)
        {
            Assert.That(delivered, Does.Contain(gap.AfterSequentialId).And.Contains(gap.BeforeSequentialId), "a gap's bounds are trades the subscriber got");
            Assert.That(at[gap.AfterSequentialId], Is.LessThan(at[gap.BeforeSequentialId]), "a gap's bounds in the market's order");
        }

        var logged = trades.Where(t => at.ContainsKey(t.SequentialId)).Select(t => at[t.SequentialId]).ToList();
        var lost = Enumerable.Range(logged.Min(), logged.Max() - logged.Min()).Where(i => !delivered.Contains(log[i].SequentialId)).ToList();
        Assert.That(lost.Where(i => !gaps.Any(g => at[g.AfterSequentialId] < i && i < at[g.BeforeSequentialId])), Is.Empty, "every lost trade lies in a reported gap");
        return lost.Count;
    }

    /// <summary>
    /// The subscriber's trades are the log's, in order, from its first to its last, each once, none missing but
    /// <paramref name="except"/>; and the subscriber is no more than a tick behind the log at the end (<paramref name="behind"/>
    /// trades: the last tick's may still be on their way).
    /// </summary>
    internal static void AssertSameAsLog(IReadOnlyList<Trade> trades, IReadOnlyList<Trade> log, IReadOnlyCollection<Trade>? except = null, int behind = 3)
    {
        Assert.That(trades, Is.Not.Empty);
        // NB: the first snapshot may restate the market's opening trade, which precedes the log.
        var logged = log.Select(t => t.SequentialId).ToHashSet();
        var ids = trades.Select(t => t.SequentialId).SkipWhile(id => !logged.Contains(id)).ToList();
        Assert.That(trades.Count - ids.Count, Is.LessThanOrEqualTo(1), "only the opening snapshot precedes the log");
        Assert.That(trades.Select(t => t.SequentialId).Distinct().Count(), Is.EqualTo(trades.Count), "no trade twice");
        var skipped = (except ?? []).Select(t => t.SequentialId).ToHashSet();
        var expected = log.Select(t => t.SequentialId).SkipWhile(id => id != ids[0]).Where(id => !skipped.Contains(id)).ToList();
        Assert.That(expected, Is.Not.Empty, "the subscriber's first trade is in the log");
        Assert.That(ids, Is.EqualTo(expected.Take(ids.Count)), "the log's trades in order, none missed");
        Assert.That(expected.Count - ids.Count, Is.LessThanOrEqualTo(behind), "the subscriber keeps up with the log");
    }
}
