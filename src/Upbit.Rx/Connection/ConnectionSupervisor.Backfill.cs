using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Connection;

/// <content>The hooks of the trade backfill (public endpoint only): live trades pass through it, reconnects arm it.</content>
internal sealed partial class ConnectionSupervisor
{
    /// <summary>The trade backfill of this endpoint; <see langword="null"/> when off or private. Set once, before any subscription.</summary>
    public TradeBackfill? Backfill { get; set; }

    /// <summary>Routes one market message and counts it; trades go through the backfill when there is one.</summary>
    private void Route(UpbitMessage message, DateTimeOffset now)
    {
        if (message is Trade trade && Backfill is { } backfill)
        {
            // NB: not counted here: the backfill publishes every trade it lets through with PublishReleased, which counts it.
            backfill.OnLive(trade);
            return;
        }

        _signals.MessageRouted();
        _router.Publish(message, now);
    }

    /// <summary>Publishes a message the backfill releases (backfilled or held), counted like a routed one.</summary>
    internal void PublishReleased(UpbitMessage message)
    {
        _signals.MessageRouted();
        _router.Publish(message);
    }

    /// <summary>Counts a live trade the backfill dropped because it had delivered it from REST already: received, and
    /// dropped as a duplicate, as the router would have counted it.</summary>
    internal void DropReleased(Trade trade)
    {
        _signals.MessageRouted();
        _router.CountDuplicate(trade);
    }

    /// <summary>Tells the backfill which trade codes this endpoint serves now; <paramref name="reconnected"/> after a connection opened.</summary>
    private void TellBackfill(bool reconnected)
    {
        if (Backfill is not { } backfill)
        {
            return;
        }

        var codes = WireUnion().Where(k => k.Kind == StreamKind.Trade).Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        if (reconnected)
        {
            backfill.Reconnected(codes);
        }
        else
        {
            backfill.Retain(codes);
        }
    }
}
