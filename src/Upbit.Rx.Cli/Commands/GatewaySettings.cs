using System.Net;

namespace Upbit.Rx.Cli.Commands;

/// <summary>What <c>upbit-rx gateway</c> was asked to do.</summary>
/// <param name="Upstream">The upstream WebSocket URL, or <see langword="null"/> for Upbit (or the simulator).</param>
/// <param name="Simulate">Use the built-in fake exchange as the upstream.</param>
/// <param name="Port">The downstream port (0 picks a free one).</param>
/// <param name="Bind">The downstream address.</param>
/// <param name="AllowRemote">Whether a non-loopback <paramref name="Bind"/> was meant.</param>
/// <param name="Token">The shared token downstream clients must present, if any.</param>
/// <param name="StatusEvery">How often the status line is written.</param>
/// <param name="For">Stop after this long, or <see langword="null"/> to run until stopped.</param>
internal sealed record GatewaySettings(
    Uri? Upstream, bool Simulate, int Port, IPAddress Bind, bool AllowRemote, string? Token, TimeSpan StatusEvery, TimeSpan? For)
{
    /// <summary>NB: the token is a secret: never in ToString.</summary>
    public override string ToString() =>
        $"GatewaySettings {{ Upstream = {Upstream}, Simulate = {Simulate}, Port = {Port}, Bind = {Bind}, AllowRemote = {AllowRemote}, Token = {(Token is null ? "(none)" : "***")} }}";
}
