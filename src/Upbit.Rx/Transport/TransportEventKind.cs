namespace Upbit.Rx.Transport;

/// <summary>What a <see cref="TransportEvent"/> reports.</summary>
public enum TransportEventKind
{
    /// <summary>The upgrade succeeded; <see cref="TransportEvent.Channel"/> sends frames. Exactly once, first.</summary>
    Opened,

    /// <summary>One whole message; <see cref="TransportEvent.Payload"/> is valid only during OnNext.</summary>
    Frame,

    /// <summary>The server sent a close frame; OnCompleted follows.</summary>
    Closed,
}
