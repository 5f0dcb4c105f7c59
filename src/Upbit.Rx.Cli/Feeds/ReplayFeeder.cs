using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Cli.Feeds;

/// <summary>
/// Plays recorded frames into the client's connection on a replay <see cref="FeedSource"/>: each frame is pushed as
/// Upbit frames its messages, at its recorded offset from the first frame divided by the speed.
/// </summary>
internal static class ReplayFeeder
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Waits for the client's public connection, schedules every frame on it, and completes once the last frame is due
    /// and the client has delivered (or dropped as a duplicate) every message the plan expects. Returns how many
    /// expected messages never came (0 normally; more if the connection dropped, which loses the frames pushed to it).
    /// </summary>
    public static async Task<long> PlayAsync(
        LoopbackUpbitServer server, UpbitClient client, ReplayPlan plan, ReplaySpeed speed, IScheduler scheduler, CancellationToken cancellationToken)
    {
        var exchange = server.Exchange;
        // NB: listen for changes first, then look at the connections already there; the other order misses a
        // connection that opens in between and waits forever (seen as a replay that never shows a message).
        var opened = exchange.ConnectionChanged.Merge(Observable.Defer(() => exchange.Connections.ToArray().ToObservable()))
            .FirstAsync(c => c.IsOpen && string.Equals(c.Path, ConnectionRecord.PublicPath, StringComparison.Ordinal))
            .ToTask(cancellationToken);
        var connection = await opened;
        var duplicatesBefore = client.GetHealth().DuplicatesDropped;
        var first = plan.Frames[0].Time;
        var last = TimeSpan.Zero;
        foreach (var frame in plan.Frames)
        {
            last = speed.Scale(TimeSpan.FromMilliseconds(frame.Time - first));
            exchange.PushFrame(connection.Id, frame.Frame, last);
        }

        var due = scheduler.Now + last;
        var deadline = due + Grace;
        while (true)
        {
            var missing = plan.Expected - plan.Delivered - (client.GetHealth().DuplicatesDropped - duplicatesBefore);
            if ((missing <= 0 && scheduler.Now >= due) || scheduler.Now > deadline)
            {
                return Math.Max(0, missing);
            }

            await Observable.Timer(Poll, scheduler).ToTask(cancellationToken);
        }
    }
}
