using System.Reactive.Concurrency;
using NUnit.Framework;
using Upbit.Rx.Subscriptions;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Subscriptions;

/// <summary>Snapshot waits racing publishes, cancellations and failures on real threads: a feed outlives no wait.</summary>
public sealed class RouterRaceTests
{
    private const int Rounds = 2_000;

    [Test]
    [CancelAfter(30_000)]
    public async Task WaitNext_RacingPublishCancelAndFail_NoFeedRemains(CancellationToken cancellationToken)
    {
        var router = new Router(ImmediateScheduler.Instance);
        var key = StreamKey.Ticker("KRW-BTC");
        var leaks = 0;
        for (var round = 0; round < Rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            using var start = new Barrier(3);
            var waiting = Task.Run(
                () =>
                {
                    start.SignalAndWait(cancellationToken);
                    var (feed, next) = router.WaitNext(key);
                    if (round % 3 == 0)
                    {
                        feed.CancelWait(next);
                    }

                    return (feed, next);
                },
                cancellationToken);
            var publishing = Task.Run(
                () =>
                {
                    start.SignalAndWait(cancellationToken);
                    router.Publish(Make.Ticker("KRW-BTC", 100m + round, round));
                },
                cancellationToken);
            var failing = Task.Run(
                () =>
                {
                    start.SignalAndWait(cancellationToken);
                    if (round % 5 == 0)
                    {
                        router.Fail(_ => true, new UpbitException("INVALID_PARAM", "race"));
                    }
                },
                cancellationToken);
            await Task.WhenAll(waiting, publishing, failing).ConfigureAwait(false);

            // NB: a wait that lost every race ends the way a snapshot call's timeout ends it.
            var (waitFeed, waitNext) = await waiting.ConfigureAwait(false);
            if (!waitNext.IsCompleted)
            {
                waitFeed.CancelWait(waitNext);
            }

            leaks += router.FeedCount;
        }

        Assert.That(leaks, Is.Zero);
    }
}
