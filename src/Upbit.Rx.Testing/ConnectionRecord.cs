using Upbit.Rx.Server;

namespace Upbit.Rx.Testing;

/// <summary>One accepted connection: when it opened and, once it has, when and how it closed.</summary>
/// <param name="Id">Sequential id, 1 for the first connection of an exchange.</param>
/// <param name="Path">The endpoint path: <c>/websocket/v1</c> or <c>/websocket/v1/private</c>.</param>
/// <param name="OpenedAt">Scheduler time of the upgrade in ticks.</param>
/// <param name="ClosedAt">Scheduler time of the close in ticks, or <see langword="null"/> while open.</param>
/// <param name="CloseCode">1000 for a close frame (either side), 1006 for an abrupt drop (idle timeout, fault
/// injection, client gone without a close frame), or <see langword="null"/> while open.</param>
public sealed record ConnectionRecord(int Id, string Path, long OpenedAt, long? ClosedAt, int? CloseCode)
{
    /// <summary>The public endpoint path.</summary>
    public const string PublicPath = EndpointPaths.Public;

    /// <summary>The private endpoint path.</summary>
    public const string PrivatePath = EndpointPaths.Private;

    /// <summary>Whether the connection is still open.</summary>
    public bool IsOpen => ClosedAt is null;
}
