namespace Upbit.Rx.Tests.Chaos;

/// <summary>One injected fault.</summary>
/// <param name="Kind">What was injected.</param>
/// <param name="Ticks">Virtual time of the injection.</param>
/// <param name="Seq">Run sequence number at the injection (deliveries after it are fresh).</param>
/// <param name="IsPrivate">Which endpoint's connection it hit.</param>
/// <param name="ConnectionId">The exchange's connection id.</param>
/// <param name="TypeName">For <see cref="FaultKind.InvalidParam"/>, the type the error names.</param>
internal sealed record FaultRecord(FaultKind Kind, long Ticks, long Seq, bool IsPrivate, int ConnectionId, string? TypeName = null)
{
    /// <summary>Whether the fault interrupts the flow (a reconnect or a silence), rather than adding a frame.</summary>
    public bool Disrupts => Kind is not (FaultKind.MalformedFrame or FaultKind.GarbageFrame or FaultKind.LargeFrame);
}
