namespace Upbit.Rx.Tests.Testing.Scenarios;

/// <summary>How a connection ended for the client: a close frame with its status, or abruptly (no close frame).</summary>
public sealed record ClientEnd(int? CloseStatus, bool Abrupt)
{
    public static ClientEnd Closed(int status) => new(status, false);

    public static ClientEnd Dropped { get; } = new(null, true);
}
