namespace Upbit.Rx.Connection;

/// <summary>
/// The one seam between the library and the network. The real implementation wraps
/// <see cref="System.Net.WebSockets.ClientWebSocket"/>; the fake exchange in Upbit.Rx.Testing plugs
/// in here so the whole client runs under a <c>TestScheduler</c>.
/// </summary>
/// <remarks>
/// Contract of <see cref="Connect"/>: cold; each subscription opens one connection and disposing the
/// subscription closes it (client-initiated close). The sequence yields <see cref="TransportEventKind.Opened"/>
/// once, then any number of <see cref="TransportEventKind.Frame"/>s; a close frame from the server yields
/// <see cref="TransportEventKind.Closed"/> followed by OnCompleted; a failed connect or an abnormal drop
/// (no close frame, network error) is OnError. Events are delivered serially.
/// </remarks>
internal interface ITransport
{
    IObservable<TransportEvent> Connect(TransportRequest request);
}
