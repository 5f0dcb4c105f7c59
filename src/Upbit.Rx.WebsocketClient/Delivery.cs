using Upbit.Rx.Transport;

namespace Upbit.Rx.WebsocketClient;

/// <summary>One queued call to the observer: an event, an error, or (neither) completion.</summary>
internal readonly record struct Delivery(TransportEvent? Event, Exception? Error)
{
    public static Delivery Completed => default;
}
