namespace Upbit.Rx.Transport;

/// <summary>One event on a connection (see <see cref="UpbitTransport"/>). A struct so the per-frame path allocates nothing for the envelope.</summary>
public readonly struct TransportEvent
{
    private TransportEvent(TransportEventKind kind, UpbitTransportChannel? channel, ReadOnlyMemory<byte> payload, bool isText, int closeStatus, string? closeReason, bool hasBacklog = false)
    {
        HasBacklog = hasBacklog;
        Kind = kind;
        Channel = channel;
        Payload = payload;
        IsText = isText;
        CloseStatus = closeStatus;
        CloseReason = closeReason;
    }

    /// <summary>What happened.</summary>
    public TransportEventKind Kind { get; }

    /// <summary>Set on <see cref="TransportEventKind.Opened"/>.</summary>
    public UpbitTransportChannel? Channel { get; }

    /// <summary>
    /// The message bytes on <see cref="TransportEventKind.Frame"/>. NB: the buffer is pooled by the
    /// transport and reused after OnNext returns; copy what must outlive the call.
    /// </summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Whether the frame was a text frame (Upbit sends binary frames of UTF-8 JSON).</summary>
    public bool IsText { get; }

    /// <summary>
    /// Whether more of the connection's frames were already waiting when this one was handed out. The client starts
    /// decoding frames in parallel (<see cref="UpbitClientOptions.DecodeInParallel"/>) only while this says a backlog
    /// is building (frames already in flight are finished in parallel whatever it says); a transport that cannot tell
    /// reports <see langword="false"/>, and every frame is decoded inline. It is a hint: whatever it says, every frame
    /// is delivered once and in arrival order. NB: <see langword="false"/> tells the receive loop to decode what is
    /// still waiting before it reads again; a <see langword="true"/> on a frame with nothing behind it leaves the
    /// frames still waiting to a thread-pool worker, so their delivery waits for the pool to run one.
    /// </summary>
    public bool HasBacklog { get; }

    /// <summary>The close code on <see cref="TransportEventKind.Closed"/>.</summary>
    public int CloseStatus { get; }

    /// <summary>The close reason on <see cref="TransportEventKind.Closed"/>, if any.</summary>
    public string? CloseReason { get; }

    /// <summary>The upgrade succeeded; <paramref name="channel"/> sends on the new connection.</summary>
    /// <param name="channel">The sending half.</param>
    /// <returns>An <see cref="TransportEventKind.Opened"/> event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is null.</exception>
    public static TransportEvent Opened(UpbitTransportChannel channel) => new(TransportEventKind.Opened, channel ?? throw new ArgumentNullException(nameof(channel)), default, false, 0, null);

    /// <summary>One whole message arrived, with no word on what waits behind it (<see cref="HasBacklog"/> false).</summary>
    /// <param name="payload">The message bytes; the caller may reuse the buffer after OnNext returns.</param>
    /// <param name="isText">Whether it was a text frame.</param>
    /// <returns>A <see cref="TransportEventKind.Frame"/> event.</returns>
    public static TransportEvent Frame(ReadOnlyMemory<byte> payload, bool isText) => new(TransportEventKind.Frame, null, payload, isText, 0, null);

    /// <summary>One whole message arrived, and whether more were already waiting behind it.</summary>
    /// <param name="payload">The message bytes; the caller may reuse the buffer after OnNext returns.</param>
    /// <param name="isText">Whether it was a text frame.</param>
    /// <param name="hasBacklog">Whether more frames were already waiting behind this one (see <see cref="HasBacklog"/>).</param>
    /// <returns>A <see cref="TransportEventKind.Frame"/> event.</returns>
    public static TransportEvent Frame(ReadOnlyMemory<byte> payload, bool isText, bool hasBacklog) => new(TransportEventKind.Frame, null, payload, isText, 0, null, hasBacklog);

    /// <summary>The server sent a close frame.</summary>
    /// <param name="status">The close code (1005 when the frame had none).</param>
    /// <param name="reason">The close reason, if any.</param>
    /// <returns>A <see cref="TransportEventKind.Closed"/> event.</returns>
    public static TransportEvent Closed(int status, string? reason) => new(TransportEventKind.Closed, null, default, false, status, reason);
}
