using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>One live (code, type object) pair of a connection: where a realtime message for that code goes. Mutable
/// only under its session's lock.</summary>
internal sealed class Route(TypeSubscription subscription, CodeTarget target)
{
    public TypeSubscription Subscription { get; } = subscription;

    public CodeTarget Target { get; } = target;

    /// <summary>The source had no value yet: the route's first message is its snapshot (and, for
    /// <c>is_only_snapshot</c>, its last).</summary>
    public bool AwaitingFirst { get; set; }

    /// <summary>The source value the snapshot was made from; the same instance arriving as realtime afterwards is
    /// skipped (a source may publish a value a session already read as its snapshot).</summary>
    public UpbitMessage? SnapshotOrigin { get; set; }
}
