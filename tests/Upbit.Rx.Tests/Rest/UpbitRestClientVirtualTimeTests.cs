using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Rest;

/// <summary>
/// Public REST calls driven by nothing but <c>TestScheduler.AdvanceBy</c> under the caller's synchronization
/// context: the client's awaits resume where the answer or the pacing timer completes (inside the advance), never on
/// the caller's context, so a paced call ends at an exact virtual instant and posts nothing to a UI-like context.
/// </summary>
public sealed class UpbitRestClientVirtualTimeTests
{
    private static readonly DateTimeOffset SeriesStart = new(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);
    private static readonly long Window = TimeSpan.FromMilliseconds(1100).Ticks;

    [Test]
    public void CandleHistory_ThirteenPagesUnderTheRunnersContext_CompletesInsideTheAdvanceAtTheThirdSlot()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var starts = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromSeconds(1));
        handler.Otherwise = r => PagingScript.Candles(r, starts);
        var observer = scheduler.CreateObserver<Candle>();
        Assert.That(SynchronizationContext.Current, Is.Not.Null, "NUnit runs the test under its own context");
        var start = scheduler.Clock;

        using var subscription = client.CandleHistory("KRW-BTC", CandleInterval.OneSecond, RestTestRun.Start.AddSeconds(-2500), RestTestRun.Start).Subscribe(observer);
        scheduler.AdvanceBy(Window - 1);
        var beforeSlot = (handler.Sent.Count, observer.Messages.Count);
        scheduler.AdvanceBy(1);

        Assert.That(beforeSlot, Is.EqualTo((10, 2000)), "ten pages at once, then the pacer holds the eleventh");
        Assert.That(handler.Times, Is.EqualTo(Enumerable.Repeat(TimeSpan.Zero, 10).Concat(Enumerable.Repeat(TimeSpan.FromMilliseconds(1100), 3))));
        Assert.That(observer.Messages, Has.Count.EqualTo(2501));
        Assert.That(observer.Messages[1999].Time - start, Is.EqualTo(0));
        Assert.That(observer.Messages[2000].Time - start, Is.EqualTo(Window));
        Assert.That(observer.Messages[^1].Value.Kind, Is.EqualTo(System.Reactive.NotificationKind.OnCompleted));
        Assert.That(observer.Messages[^1].Time - start, Is.EqualTo(Window));
    }

    [Test]
    public void EnumerateCandlesAsync_CallerContextNeverRuns_NothingPostedAndEndsAtTheThirdSlot()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var starts = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromSeconds(1));
        handler.Otherwise = r => PagingScript.Candles(r, starts);
        var parked = new ParkedSynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(parked);
        Task<List<Candle>> paging;
        long? endedAt = null;
        try
        {
            paging = ListAsync(client.EnumerateCandlesAsync("KRW-BTC", CandleInterval.OneSecond, RestTestRun.Start.AddSeconds(-4500), RestTestRun.Start));
            _ = paging.ContinueWith(_ => endedAt = scheduler.Clock, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            scheduler.AdvanceBy(2 * Window - 1);
            Assert.That((paging.IsCompleted, handler.Sent.Count), Is.EqualTo((false, 20)), "two windows of ten pages, the last three wait");
            scheduler.AdvanceBy(1);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Assert.That(parked.Posted, Is.EqualTo(0), "no library continuation resumed on the caller's context");
        Assert.That(endedAt - RestTestRun.Start.UtcTicks, Is.EqualTo(2 * Window));
        Assert.That(paging.Result, Has.Count.EqualTo(4500));
        Assert.That(handler.Times.Distinct(), Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(1100), TimeSpan.FromMilliseconds(2200) }));
    }

    [Test]
    public void GetCandlesAsync_CancelledWhileWaitingForItsSlot_EndsInsideCancelWithoutSending()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var starts = PagingScript.Every(SeriesStart, RestTestRun.Start, TimeSpan.FromMinutes(1));
        handler.Otherwise = r => PagingScript.Candles(r, starts);
        var parked = new ParkedSynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(parked);
        using var cancel = new CancellationTokenSource();
        Task<IReadOnlyList<Candle>> waiting;
        try
        {
            var sent = Enumerable.Range(0, 10).Select(_ => client.GetCandlesAsync("KRW-BTC", CandleInterval.OneMinute)).ToList();
            waiting = client.GetCandlesAsync("KRW-BTC", CandleInterval.OneMinute, cancellationToken: cancel.Token);
            scheduler.AdvanceBy(Window / 2);
            Assert.That((sent.All(t => t.IsCompletedSuccessfully), waiting.IsCompleted), Is.EqualTo((true, false)));
            cancel.Cancel();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Assert.That(waiting.IsCanceled, Is.True, "the wait ended inside Cancel, not later on another thread");
        scheduler.AdvanceBy(Window);
        Assert.That((handler.Sent.Count, parked.Posted), Is.EqualTo((10, 0)));
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> sequence)
    {
        var list = new List<T>();
        await foreach (var item in sequence.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
