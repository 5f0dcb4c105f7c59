using System.Reactive.Linq;
using Upbit.Rx.Cli.Recording;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Feeds;

/// <summary>
/// A recording ready to play: its frames, the client streams its messages route to, and how many of those messages
/// the client should hand out, so the replay knows when everything has arrived.
/// </summary>
internal sealed class ReplayPlan
{
    private long _delivered;

    public ReplayPlan(IReadOnlyList<RecordedFrame> frames, IObservable<UpbitMessage> messages, long expected)
    {
        Frames = frames;
        Expected = expected;
        Messages = messages.Do(_ => Interlocked.Increment(ref _delivered));
    }

    public IReadOnlyList<RecordedFrame> Frames { get; }

    /// <summary>The client's streams; each value counts towards <see cref="Delivered"/>.</summary>
    public IObservable<UpbitMessage> Messages { get; }

    /// <summary>Market messages in the recording that the streams cover.</summary>
    public long Expected { get; }

    /// <summary>Messages the client has delivered so far.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);
}
