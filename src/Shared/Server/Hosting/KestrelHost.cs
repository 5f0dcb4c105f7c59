using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Upbit.Rx.Server;

/// <summary>
/// Serves an <see cref="ExchangeHub"/> over real WebSockets on Kestrel, as Upbit does: every path except
/// <c>/v1/…</c> is a WebSocket endpoint judged by the hub; <c>/v1/…</c> goes to the host's REST handler. ASP.NET
/// Core's own configuration sources and logging are off, so the host app's settings cannot add endpoints or noise.
/// </summary>
internal static class KestrelHost
{
    /// <summary>Starts the server; on failure nothing is left running.</summary>
    /// <param name="address">The address to bind.</param>
    /// <param name="port">The TCP port; 0 picks a free one.</param>
    /// <param name="hub">The engine behind the sockets.</param>
    /// <param name="live">The open sockets, for a quick stop.</param>
    /// <param name="rest">Answers <c>/v1/…</c> requests.</param>
    /// <param name="admit">Judges a request before anything else; <see langword="false"/> answers 401 (a gateway's
    /// shared token).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running app and the port it listens on.</returns>
    public static async Task<(WebApplication App, int Port)> StartAsync(
        IPAddress address, int port, ExchangeHub hub, LiveConnections live, RequestDelegate rest, Func<HttpContext, bool> admit, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address, port));
        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpUpgradeFeature>() is { } upgrade)
            {
                context.Features.Set<IHttpUpgradeFeature>(new ObservedUpgradeFeature(upgrade));
            }

            return next(context);
        });
        // NB: KeepAliveInterval zero: Upbit never sends pings (or unsolicited pongs) of its own.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Run(context =>
        {
            if (!admit(context))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }

            return context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal)
                ? rest(context)
                : LoopbackConnection.HandleAsync(context, hub, live);
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(bound).Port);
    }
}
