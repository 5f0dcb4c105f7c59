using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Rest;

/// <summary>Candle and trade history across pages: completeness, order, limits, progress, cancellation.</summary>
public sealed class UpbitRestClientPagingTests
{
    private static readonly DateTimeOffset SeriesStart = new(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void EnumerateCandlesAsync_450CandleRange_ThreePagesEveryCandleNewestFirst()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var starts = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromMinutes(1));
        handler.Otherwise = r => PagingScript.Candles(r, starts);
        var (from, to) = (SeriesStart.AddHours(10), SeriesStart.AddHours(10).AddMinutes(450));
        var reports = new List<UpbitPagingProgress>();

        var candles = RestTestRun.Collect(scheduler, () => client.EnumerateCandlesAsync("KRW-BTC", CandleInterval.OneMinute, from, to, new SyncProgress(reports)));

        Assert.That(candles.Select(c => c.StartsAt!.Value), Is.EqualTo(starts.Where(s => s >= from && s < to).Reverse()));
        Assert.That(handler.PathsAndQueries, Is.EqualTo(new[]
        {
            "/v1/candles/minutes/1?market=KRW-BTC&count=200&to=2026-03-09T17%3A30%3A00Z",
            "/v1/candles/minutes/1?market=KRW-BTC&count=200&to=2026-03-09T14%3A10%3A00Z",
            "/v1/candles/minutes/1?market=KRW-BTC&count=200&to=2026-03-09T10%3A50%3A00Z",
        }));
        Assert.That(reports.Select(p => (p.Pages, p.Items)), Is.EqualTo(new[] { (1, 200), (2, 400), (3, 450) }));
    }

    [Test]
    public void EnumerateCandlesAsync_ThirteenPages_PacedToTenPerWindow()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var starts = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromSeconds(1));
        handler.Otherwise = r => PagingScript.Candles(r, starts);
        var to = RestTestRun.Start;

        var candles = RestTestRun.Collect(scheduler, () => client.EnumerateCandlesAsync("KRW-BTC", CandleInterval.OneSecond, to.AddSeconds(-2500), to));

        Assert.That(candles, Has.Count.EqualTo(2500));
        Assert.That(handler.Times, Is.EqualTo(Enumerable.Repeat(TimeSpan.Zero, 10).Concat(Enumerable.Repeat(TimeSpan.FromMilliseconds(1100), 3))));
    }

    [Test]
    public void EnumerateCandlesAsync_HistoryEndsBeforeRange_StopsOnShortPage()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var starts = PagingScript.Every(SeriesStart, SeriesStart.AddMinutes(250), TimeSpan.FromMinutes(1));
        handler.Otherwise = r => PagingScript.Candles(r, starts);

        var candles = RestTestRun.Collect(scheduler, () => client.EnumerateCandlesAsync("KRW-BTC", CandleInterval.OneMinute, SeriesStart.AddDays(-30), SeriesStart.AddDays(1)));

        Assert.That((candles.Count, handler.Sent.Count), Is.EqualTo((250, 2)));
    }

    [Test]
    public void EnumerateCandlesAsync_ServerIgnoresTo_FailsInsteadOfLooping()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var starts = PagingScript.Every(SeriesStart, SeriesStart.AddMinutes(200), TimeSpan.FromMinutes(1));
        handler.Otherwise = r => PagingScript.Candles(new HttpRequestMessage(HttpMethod.Get, "https://x/v1/candles/minutes/1?count=200"), starts);

        var ex = Assert.Throws<UpbitException>(() => RestTestRun.Collect(scheduler, () => client.EnumerateCandlesAsync("KRW-BTC", CandleInterval.OneMinute, SeriesStart.AddDays(-1), SeriesStart.AddMinutes(100))));

        Assert.That((ex!.ClientCondition, handler.Sent.Count), Is.EqualTo((UpbitClientCondition.PagingStalled, 2)));
    }

    [Test]
    public void EnumerateCandlesAsync_CancelledAfterFirstPage_StopsWithoutAnotherRequest()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var starts = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromMinutes(1));
        handler.Otherwise = r => PagingScript.Candles(r, starts);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress([], _ => cancel.Cancel());

        Assert.That(
            () => RestTestRun.Collect(scheduler, () => client.EnumerateCandlesAsync("KRW-BTC", CandleInterval.OneMinute, SeriesStart, RestTestRun.Start, progress, cancel.Token)),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(handler.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public void EnumerateCandlesAsync_RangeBackwards_ThrowsAtCall()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);

        Assert.Throws<ArgumentException>(() => client.EnumerateCandlesAsync("KRW-BTC", CandleInterval.OneMinute, SeriesStart, SeriesStart));
        Assert.That(handler.Sent, Is.Empty);
    }

    [Test]
    public void CandleHistory_Subscribed_YieldsTheRangeThenCompletes()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var starts = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromMinutes(1));
        handler.Otherwise = r => PagingScript.Candles(r, starts);

        var all = RestTestRun.Run(scheduler, () => client.CandleHistory("KRW-BTC", CandleInterval.OneMinute, SeriesStart.AddHours(1), SeriesStart.AddHours(8)).ToList().ToTask());

        Assert.That((all.Count, all[0].StartsAt, all[^1].StartsAt), Is.EqualTo((420, (DateTimeOffset?)SeriesStart.AddHours(8).AddMinutes(-1), (DateTimeOffset?)SeriesStart.AddHours(1))));
    }

    [Test]
    public void CandleHistory_DisposedMidway_StopsPaging()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var starts = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromSeconds(1));
        handler.Otherwise = r => PagingScript.Candles(r, starts);
        var seen = 0;

        using (client.CandleHistory("KRW-BTC", CandleInterval.OneSecond, SeriesStart, RestTestRun.Start).Subscribe(_ => seen++))
        {
            Assert.That(handler.Sent, Has.Count.EqualTo(10));
        }

        scheduler.AdvanceBy(TimeSpan.FromMinutes(1).Ticks);
        Assert.That((handler.Sent.Count, seen), Is.EqualTo((10, 2000)));
    }

    [Test]
    public void EnumerateTradesAsync_RangeAcrossMidnight_TodayThenYesterdayByDaysAgo()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var times = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromSeconds(10));
        handler.Otherwise = r => PagingScript.Trades(r, times, RestTestRun.Start);
        var (from, to) = (new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 11, 1, 0, 0, TimeSpan.Zero));

        var trades = RestTestRun.Collect(scheduler, () => client.EnumerateTradesAsync("KRW-BTC", from, to));

        Assert.That(trades.Select(t => t.SequentialId), Is.EqualTo(times.Where(t => t >= from && t < to).Reverse().Select(PagingScript.Id)));
        Assert.That(handler.PathsAndQueries, Is.EqualTo(new[]
        {
            "/v1/trades/ticks?market=KRW-BTC&count=500&to=010000",
            "/v1/trades/ticks?market=KRW-BTC&count=500&days_ago=1",
        }));
    }

    [Test]
    public void EnumerateTradesAsync_1200TradesToday_PagesOf500ByCursor()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var times = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromSeconds(10));
        handler.Otherwise = r => PagingScript.Trades(r, times, RestTestRun.Start);
        var from = RestTestRun.Start.AddSeconds(-12_000);
        var reports = new List<UpbitPagingProgress>();

        var trades = RestTestRun.Collect(scheduler, () => client.EnumerateTradesAsync("KRW-BTC", from, progress: new SyncProgress(reports)));

        Assert.That(trades.Select(t => t.SequentialId), Is.EqualTo(times.Where(t => t >= from).Reverse().Select(PagingScript.Id)));
        Assert.That(trades, Has.Count.EqualTo(1200));
        Assert.That(handler.Sent, Has.Count.EqualTo(3));
        Assert.That(handler.Sent[1].Uri.Query, Does.Contain("cursor=" + trades[499].SequentialId));
        Assert.That(reports.Select(p => p.Items), Is.EqualTo(new[] { 500, 1000, 1200 }));
    }

    [Test]
    public void EnumerateTradesAsync_RangeOlderThanSevenDays_ThrowsAtCall()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);

        Assert.Throws<ArgumentOutOfRangeException>(() => client.EnumerateTradesAsync("KRW-BTC", RestTestRun.Start.AddDays(-8)));
        Assert.That(handler.Sent, Is.Empty);
    }

    [Test]
    public void TradeHistory_Subscribed_SameTradesAsTheEnumerable()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var times = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromSeconds(10));
        handler.Otherwise = r => PagingScript.Trades(r, times, RestTestRun.Start);
        var from = RestTestRun.Start.AddHours(-3);

        var trades = RestTestRun.Run(scheduler, () => client.TradeHistory("KRW-BTC", from).ToList().ToTask());

        Assert.That(trades.Select(t => t.SequentialId), Is.EqualTo(times.Where(t => t >= from).Reverse().Select(PagingScript.Id)));
    }

    /// <summary>Reports inline (the BCL's Progress posts to the thread pool, which virtual time cannot order).</summary>
    private sealed class SyncProgress(List<UpbitPagingProgress> reports, Action<UpbitPagingProgress>? then = null) : IProgress<UpbitPagingProgress>
    {
        public void Report(UpbitPagingProgress value)
        {
            reports.Add(value);
            then?.Invoke(value);
        }
    }
}
