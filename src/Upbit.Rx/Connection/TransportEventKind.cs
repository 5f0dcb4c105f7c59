namespace Upbit.Rx.Connection;

/// <summary>What a <see cref="TransportEvent"/> reports.</summary>
internal enum TransportEventKind
{
    /// <summary>The upgrade succeeded; <see cref="TransportEvent.Channel"/> sends frames.</summary>
    Opened,

    /// <summary>One whole message; <see cref="TransportEvent.Payload"/> is valid only during OnNext.</summary>
    Frame,

    /// <summary>The server sent a close frame; OnCompleted follows.</summary>
    Closed,
}
