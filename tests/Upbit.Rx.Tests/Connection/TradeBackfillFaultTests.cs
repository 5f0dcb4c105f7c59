using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Connection;

/// <summary>The trade backfill when REST misbehaves, when it is off, and when the client goes away mid-backfill.</summary>
public sealed class TradeBackfillFaultTests
{
    private const string Code = "KRW-BTC";
    private const string Ticks = "/v1/trades/ticks";
    private static readonly long Second = TimeSpan.TicksPerSecond;
    // NB: the market list is not what these tests count; its one REST call would blur the request counts.
    private static readonly UpbitClientOptions Steady = new() { Reconnect = new BackoffOptions { Jitter = BackoffJitter.None }, ValidateCodes = false };

    [Test]
    public void Reconnect_RestDownDuringTheOutage_GapReportedLiveGoesOnNextOutageFilled()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var log = TradeLog(exchange);
        using var client = exchange.CreateClient(Steady);
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var trades = new List<Trade>();
        using var sub = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(5 * Second);
        var lastBefore = trades[^1];

        exchange.InjectRestFault(RestFault.Refuse(), 1, Ticks);
        exchange.RefuseNextConnections(2);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(15 * Second);
        var afterFirst = trades.Count;
        exchange.RefuseNextConnections(2);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(15 * Second);

        var gap = (UpbitTradeGapException)errors.Single(e => e.Kind == UpbitErrorKind.TradeGap).Exception!;
        var firstAfter = trades[trades.IndexOf(lastBefore) + 1];
        Assert.That((gap.AfterSequentialId, gap.BeforeSequentialId), Is.EqualTo((lastBefore.SequentialId, firstAfter.SequentialId)));
        Assert.That(gap.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(gap.Reason, Does.StartWith("the REST backfill failed"));
        var missing = log.SkipWhile(t => t.SequentialId != lastBefore.SequentialId).Skip(1).TakeWhile(t => t.SequentialId != firstAfter.SequentialId).ToList();
        Assert.That(missing, Is.Not.Empty);
        Assert.That(trades.Count, Is.GreaterThan(afterFirst), "the live stream went on after the failed backfill");
        TradeBackfillTests.AssertSameAsLog(trades, log, except: missing);
        Assert.That(client.GetHealth().TradeGaps, Is.EqualTo(1), "the second outage was filled");
    }

    [Test]
    public void Reconnect_429DuringBackfill_RetriedAndFilled()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var log = TradeLog(exchange);
        using var client = exchange.CreateClient(Steady);
        var trades = new List<Trade>();
        using var sub = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(5 * Second);

        exchange.InjectRestFault(RestFault.Status(429), 2, Ticks);
        exchange.RefuseNextConnections(2);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(20 * Second);

        Assert.That(exchange.RestRequests.Where(r => r.PathAndQuery.StartsWith(Ticks, StringComparison.Ordinal)).Select(r => r.Status), Is.EqualTo(new[] { 429, 429, 200 }));
        TradeBackfillTests.AssertSameAsLog(trades, log);
        Assert.That(client.GetHealth().TradeGaps, Is.Zero);
    }

    [Test]
    public void Reconnect_429StormBeyondRetries_GapReportedLiveGoesOn()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var log = TradeLog(exchange);
        using var client = exchange.CreateClient(Steady);
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var trades = new List<Trade>();
        using var sub = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(5 * Second);
        var lastBefore = trades[^1];

        exchange.InjectRestFault(RestFault.Status(429), 20, Ticks);
        exchange.RefuseNextConnections(2);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(40 * Second);

        var gap = (UpbitTradeGapException)errors.Single(e => e.Kind == UpbitErrorKind.TradeGap).Exception!;
        Assert.That(gap.AfterSequentialId, Is.EqualTo(lastBefore.SequentialId));
        Assert.That(gap.InnerException, Is.InstanceOf<UpbitException>());
        var missing = log.SkipWhile(t => t.SequentialId != lastBefore.SequentialId).Skip(1).TakeWhile(t => t.SequentialId != gap.BeforeSequentialId).ToList();
        TradeBackfillTests.AssertSameAsLog(trades, log, except: missing);
    }

    [Test]
    public void Reconnect_RestSlowerThanBackfillTimeout_GapReportedHeldTradesReleased()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, RestLatency = TimeSpan.FromMinutes(5) });
        var log = TradeLog(exchange);
        using var client = exchange.CreateClient(Steady with { BackfillTimeout = TimeSpan.FromSeconds(4) });
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var trades = new List<Trade>();
        using var sub = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(5 * Second);

        exchange.RefuseNextConnections(1);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(20 * Second);

        var gap = (UpbitTradeGapException)errors.Single(e => e.Kind == UpbitErrorKind.TradeGap).Exception!;
        Assert.That(gap.Reason, Does.Contain("BackfillTimeout"));
        var missing = log.SkipWhile(t => t.SequentialId != gap.AfterSequentialId).Skip(1).TakeWhile(t => t.SequentialId != gap.BeforeSequentialId).ToList();
        TradeBackfillTests.AssertSameAsLog(trades, log, except: missing);
    }

    [Test]
    public void Reconnect_BackfillOff_NoRestCallsAndTheOutageIsMissed()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var log = TradeLog(exchange);
        using var client = exchange.CreateClient(Steady with { BackfillTrades = false });
        var trades = new List<Trade>();
        using var sub = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(5 * Second);

        exchange.RefuseNextConnections(2);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(20 * Second);

        Assert.That(exchange.RestRequests, Is.Empty);
        var seen = trades.Select(t => t.SequentialId).ToHashSet();
        var missed = log.SkipWhile(t => !seen.Contains(t.SequentialId)).Count(t => !seen.Contains(t.SequentialId));
        Assert.That(missed, Is.GreaterThan(5));
        Assert.That(client.GetHealth().TradesBackfilled, Is.Zero);
    }

    [Test]
    public void Dispose_BackfillInFlight_ReturnsAtOnceStreamEndsNothingAfter()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, RestLatency = TimeSpan.FromSeconds(10) });
        var client = exchange.CreateClient(Steady);
        var trades = new List<Trade>();
        var completed = false;
        using var sub = client.Trade(Code).Subscribe(trades.Add, () => completed = true);
        scheduler.AdvanceBy(5 * Second);
        exchange.RefuseNextConnections(1);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(5 * Second);
        Assert.That(exchange.RestRequests, Has.Count.EqualTo(1), "the backfill is in flight");

        client.Dispose();
        var atDispose = trades.Count;
        scheduler.AdvanceBy(30 * Second);

        Assert.That(completed, Is.True);
        Assert.That(trades, Has.Count.EqualTo(atDispose));
    }

    [TestCase(0)]
    [TestCase(100_001)]
    public void Options_BackfillLimitOutOfRange_ThrowsNamingIt(int limit)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new UpbitClient(new UpbitClientOptions { BackfillLimit = limit }))!;

        Assert.That(error.ParamName, Is.EqualTo(nameof(UpbitClientOptions.BackfillLimit)));
    }

    [Test]
    public void Reconnect_BusyCodeWhileRestRetries_OverlapLongerThanTheFeedsFilterDeliveredOnce()
    {
        // NB: a code trading 1,000 times a second, and a backfill whose first page comes 3 s after the reconnect (two
        // 429s, retried after 1 s and 2 s): every live trade of those 3 s is held and also in that page. The overlap
        // is far longer than the ids the feed's own filter remembers, so only the backfill's own check keeps it once.
        using var busy = BusyCodeDroppedWhileRestRefuses();
        var (scheduler, exchange, client, trades, log) = (busy.Scheduler, busy.Exchange, busy.Client, busy.Trades, busy.Log);
        scheduler.AdvanceBy(10 * Second);

        Assert.That(exchange.RestRequests.Where(r => r.PathAndQuery.StartsWith(Ticks, StringComparison.Ordinal)).Select(r => r.Status).Take(3), Is.EqualTo(new[] { 429, 429, 200 }));
        var health = client.GetHealth();
        Assert.That(health.DuplicatesDropped, Is.GreaterThan(2_000), "the held trades REST also returned (3 s at 1,000 a second); the feed's filter never caught an overlap that began further back than the ids it remembers");
        Assert.That(health.TradeGaps, Is.Zero);
        Assert.That(health.MessagesReceived, Is.EqualTo(trades.Count + health.DuplicatesDropped + health.UnroutedMessages), "every trade received is delivered or counted as dropped");
        TradeBackfillTests.AssertSameAsLog(trades, log, behind: 10);
    }

    [Test]
    public void Reconnect_DroppedAgainWhileTheBackfillRetries_EachTradeOnceAcrossBothBackfills()
    {
        // NB: the first backfill's page comes after the second reconnect, so it also returns the second outage and the
        // new connection's first trades; the second backfill walks back to the last trade held from the old connection
        // and fetches all of those again, far more than the feed's own filter remembers.
        using var busy = BusyCodeDroppedWhileRestRefuses();
        var (scheduler, exchange, client, trades, log) = (busy.Scheduler, busy.Exchange, busy.Client, busy.Trades, busy.Log);
        scheduler.AdvanceBy(Second + (Second / 2));
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(10 * Second);

        var health = client.GetHealth();
        Assert.That(exchange.Connections, Has.Count.EqualTo(3), "dropped twice, back twice");
        Assert.That(health.DuplicatesDropped, Is.GreaterThan(Upbit.Rx.Subscriptions.Duplicates.RememberedTrades), "the second backfill fetched again much of what the first delivered");
        Assert.That(health.TradeGaps, Is.Zero);
        Assert.That(health.MessagesReceived, Is.EqualTo(trades.Count + health.DuplicatesDropped + health.UnroutedMessages), "every trade received is delivered or counted as dropped");
        TradeBackfillTests.AssertSameAsLog(trades, log, behind: 10);
    }

    [TestCase(500)]
    [TestCase(497)]
    [TestCase(505)]
    public void Reconnect_BackfillStopsAtItsLimitShortOfTheHeldTrades_HeldOlderOnesFirstEachTradeOnceInOrder(int limit)
    {
        // NB: the first page comes 3 s after the reconnect, and the limit keeps only its newest trades (about half a
        // second): the 2.5 s of live trades held before those are older than anything fetched, and must come first.
        // This market makes 10 trades a millisecond every 10 ms, so 497 and 505 cut inside one millisecond. The gap
        // still ends at the oldest trade fetched: nothing proves the held trades run unbroken up to it.
        using var busy = BusyCodeDroppedWhileRestRefuses(Steady with { BackfillLimit = limit });
        var (scheduler, client, trades, log) = (busy.Scheduler, busy.Client, busy.Trades, busy.Log);
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        scheduler.AdvanceBy(10 * Second);

        var gap = (UpbitTradeGapException)errors.Single(e => e.Kind == UpbitErrorKind.TradeGap).Exception!;
        Assert.That(gap.Reason, Does.Contain("BackfillLimit"));
        Assert.That(trades.Zip(trades.Skip(1)).All(p => p.First.TradeTimestamp <= p.Second.TradeTimestamp), Is.True, "no trade goes back in time");
        var delivered = trades.Select(t => t.SequentialId).ToHashSet();
        var inHole = log.SkipWhile(t => t.SequentialId != gap.AfterSequentialId).Skip(1).TakeWhile(t => t.SequentialId != gap.BeforeSequentialId).ToList();
        var missing = inHole.Where(t => !delivered.Contains(t.SequentialId)).ToList();
        Assert.That(missing, Is.Not.Empty);
        Assert.That(inHole.Count - missing.Count, Is.GreaterThan(2_000), "the live trades held before the oldest fetched one were delivered");
        var health = client.GetHealth();
        Assert.That(health.MessagesReceived, Is.EqualTo(trades.Count + health.DuplicatesDropped + health.UnroutedMessages), "every trade received is delivered or counted as dropped");
        TradeBackfillTests.AssertSameAsLog(trades, log, except: missing, behind: 10);
    }

    [TestCase(500, 0)]
    [TestCase(1_000, 0)]
    [TestCase(1_500, 0)]
    [TestCase(2_500, 0)]
    [TestCase(1_500, 3)]
    [TestCase(2_500, 2)]
    [TestCase(2_900, 1)]
    public void Reconnect_DroppedAgainDuringABackfillThatStopsAtItsLimit_EveryLostTradeInAReportedGapEachOnceInOrder(int againAfterMilliseconds, int refused)
    {
        // NB: the limited page comes after the second drop, so the held trades of the first new connection end there,
        // and the second outage lies between them and what was fetched. With connections refused, the client is not
        // back yet when the page comes: the backfill has not even heard of that drop.
        using var busy = BusyCodeDroppedWhileRestRefuses(Steady with { BackfillLimit = 500 });
        var (scheduler, exchange, client, trades, log) = (busy.Scheduler, busy.Exchange, busy.Client, busy.Trades, busy.Log);
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        scheduler.AdvanceBy(againAfterMilliseconds * TimeSpan.TicksPerMillisecond);
        exchange.RefuseNextConnections(refused);
        exchange.Drop(exchange.Connections[^1].Id);
        scheduler.AdvanceBy(10 * Second);

        var gaps = errors.Where(e => e.Kind == UpbitErrorKind.TradeGap).Select(e => (UpbitTradeGapException)e.Exception!).ToList();
        Assert.That(gaps, Is.Not.Empty);
        Assert.That(TradeBackfillTests.AssertLostOnlyInGaps(trades, log, gaps), Is.GreaterThan(0));
        Assert.That(trades.Zip(trades.Skip(1)).All(p => p.First.TradeTimestamp <= p.Second.TradeTimestamp), Is.True, "no trade goes back in time");
    }

    /// <summary>
    /// A code trading 1,000 times a second, watched by one subscriber for 2 s; then its connection is dropped with the
    /// next two trade-tick requests answered 429 (retried after 1 s and 2 s).
    /// </summary>
    private static BusyCode BusyCodeDroppedWhileRestRefuses(UpbitClientOptions? options = null)
    {
        var scheduler = new TestScheduler();
        var exchange = new FakeUpbitExchange(new FakeExchangeOptions
        {
            Scheduler = scheduler,
            Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMilliseconds(10), TradesPerTick = 10 },
        });
        var log = TradeLog(exchange);
        var client = exchange.CreateClient(options ?? Steady);
        var trades = new List<Trade>();
        var subscription = client.Trade(Code).Subscribe(trades.Add);
        scheduler.AdvanceBy(2 * Second);

        exchange.InjectRestFault(RestFault.Status(429), 2, Ticks);
        exchange.Drop(exchange.Connections[^1].Id);
        return new BusyCode(scheduler, exchange, client, trades, log, subscription);
    }

    private static List<Trade> TradeLog(FakeUpbitExchange exchange)
    {
        var log = new List<Trade>();
        exchange.Market.Messages.OfType<Trade>().Where(t => t.Code == Code).Subscribe(log.Add);
        return log;
    }

    private sealed record BusyCode(TestScheduler Scheduler, FakeUpbitExchange Exchange, UpbitClient Client, List<Trade> Trades, List<Trade> Log, IDisposable Subscription) : IDisposable
    {
        public void Dispose()
        {
            Subscription.Dispose();
            Client.Dispose();
            Exchange.Dispose();
        }
    }
}
