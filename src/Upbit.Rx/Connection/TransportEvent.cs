namespace Upbit.Rx.Connection;

/// <summary>One event on a connection. A struct so the per-frame path allocates nothing for the envelope.</summary>
internal readonly struct TransportEvent
{
    private TransportEvent(TransportEventKind kind, ITransportChannel? channel, ReadOnlyMemory<byte> payload, bool isText, int closeStatus, string? closeReason)
    {
        Kind = kind;
        Channel = channel;
        Payload = payload;
        IsText = isText;
        CloseStatus = closeStatus;
        CloseReason = closeReason;
    }

    public TransportEventKind Kind { get; }

    /// <summary>Set on <see cref="TransportEventKind.Opened"/>.</summary>
    public ITransportChannel? Channel { get; }

    /// <summary>
    /// The message bytes on <see cref="TransportEventKind.Frame"/>. NB: the buffer is pooled by the
    /// transport and reused after OnNext returns; copy what must outlive the call.
    /// </summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Whether the frame was a text frame (Upbit sends binary frames of UTF-8 JSON).</summary>
    public bool IsText { get; }

    /// <summary>The close code on <see cref="TransportEventKind.Closed"/>.</summary>
    public int CloseStatus { get; }

    /// <summary>The close reason on <see cref="TransportEventKind.Closed"/>, if any.</summary>
    public string? CloseReason { get; }

    public static TransportEvent Opened(ITransportChannel channel) => new(TransportEventKind.Opened, channel, default, false, 0, null);

    public static TransportEvent Frame(ReadOnlyMemory<byte> payload, bool isText) => new(TransportEventKind.Frame, null, payload, isText, 0, null);

    public static TransportEvent Closed(int status, string? reason) => new(TransportEventKind.Closed, null, default, false, status, reason);
}
