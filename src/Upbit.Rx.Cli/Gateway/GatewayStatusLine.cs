using System.Globalization;
using Upbit.Rx.Gateway;

namespace Upbit.Rx.Cli.Gateway;

/// <summary>The gateway's one-line status: downstream connections, upstream state, message rates and slow clients
/// dropped. Pure: rates are the counter differences between two readings over the time between them.</summary>
internal static class GatewayStatusLine
{
    public static string Format(UpbitGatewayStatus previous, UpbitGatewayStatus current, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        var upstream = current.Upstream is { } state ? state.Status.ToString() : "Idle";
        return string.Create(CultureInfo.InvariantCulture,
            $"downstream {current.DownstreamConnections} · upstream {upstream} ({current.UpstreamKeys} keys) · in {(current.MessagesIn - previous.MessagesIn) / seconds:0.0} msg/s · out {(current.FramesOut - previous.FramesOut) / seconds:0.0} msg/s · slow clients dropped {current.SlowClientsDropped}");
    }
}
