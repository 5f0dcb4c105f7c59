using Upbit.Rx.Cli.Feeds;

namespace Upbit.Rx.Cli.Watching;

/// <summary>
/// Tells "cannot reach the service" from a transient drop: the first connect failing (the client goes to
/// <see cref="ConnectionStatus.Reconnecting"/> before ever being <see cref="ConnectionStatus.Connected"/>) ends the
/// command with exit code 3; after one success, drops are shown as state and the client recovers on its own.
/// </summary>
internal sealed class Reachability
{
    private readonly FeedSource _feed;
    private readonly RunOutcome _outcome;
    private int _connected;

    public Reachability(FeedSource feed, RunOutcome outcome)
    {
        _feed = feed;
        _outcome = outcome;
    }

    /// <summary>Notes a state; returns whether it ends the run as unreachable (then it is not worth showing).</summary>
    public bool Observe(ConnectionState state)
    {
        if (state.Status == ConnectionStatus.Connected)
        {
            Interlocked.Exchange(ref _connected, 1);
        }
        else if (state.Status == ConnectionStatus.Reconnecting && Volatile.Read(ref _connected) == 0)
        {
            _outcome.Fail(ExitCodes.Unreachable, Message(_feed, state.Reason));
            return true;
        }

        return false;
    }

    // NB: reasons are often whole sentences ("… was expected."); the message adds its own full stop.
    public static string Message(FeedSource feed, string? reason) =>
        $"cannot reach {feed.Endpoint}{(string.IsNullOrWhiteSpace(reason) ? "" : ": " + reason.Trim().TrimEnd('.'))}. " +
        (feed.IsRemote ? "Check the network (or --endpoint), or run with --simulate to use the built-in simulator." : "The in-process exchange did not answer.");
}
