using System.Reactive.Linq;
using Upbit.Rx.Cli.Commands;
using Upbit.Rx.Cli.Feeds;
using Upbit.Rx.Cli.Watching;
using Upbit.Rx.Gateway;

namespace Upbit.Rx.Cli.Gateway;

/// <summary>Runs <c>upbit-rx gateway</c>: the upstream client (Upbit, a URL, or the simulator), the gateway, the printed
/// URLs and the periodic status line, until Ctrl+C or <c>--for</c>.</summary>
internal static class GatewayRunner
{
    public static async Task<int> RunAsync(GatewaySettings settings, CliEnvironment environment, CancellationToken cancellationToken)
    {
        await using var feed = settings.Simulate
            ? await FeedSource.SimulateAsync(environment, 0, cancellationToken)
            : FeedSource.Remote(settings.Upstream);
        var rest = feed.Server?.RestEndpoint ?? RestBaseOf(feed.Endpoint);
        await using var upstream = new UpbitClient(new UpbitClientOptions { PublicEndpoint = feed.Endpoint, RestEndpoint = rest });
        await using var gateway = new UpbitGateway(upstream, new UpbitGatewayOptions
        {
            BindAddress = settings.Bind,
            Port = settings.Port,
            AllowNonLoopback = settings.AllowRemote,
            AccessToken = settings.Token,
            RestUpstream = rest,
        });
        Uri endpoint;
        try
        {
            endpoint = await gateway.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new CliException(ExitCodes.RuntimeFailure, $"cannot listen on {settings.Bind}:{settings.Port}: {e.Message}", e);
        }

        environment.GatewayStarted?.Invoke(gateway);
        var output = environment.Out;
        await output.WriteLineAsync($"Upbit gateway sharing {feed.Name} (one upstream connection)");
        await output.WriteLineAsync($"  downstream: {endpoint}{(settings.Token is null ? string.Empty : "  (token required)")}");
        await output.WriteLineAsync($"  rest:       {gateway.RestEndpoint}v1/…");
        await output.WriteLineAsync(settings.For is { } d ? $"Stopping after {Parsing.Durations.Format(d)}." : "Press Ctrl+C to stop.");
        await output.FlushAsync(cancellationToken);

        var outcome = new RunOutcome();
        using var stop = cancellationToken.Register(outcome.Done);
        using var timer = settings.For is { } limit ? Observable.Timer(limit, environment.Scheduler).Subscribe(_ => outcome.Done()) : null;
        var previous = (Status: gateway.Status, At: environment.Scheduler.Now);
        using var status = Observable.Interval(settings.StatusEvery, environment.Scheduler).Subscribe(_ =>
        {
            var now = (Status: gateway.Status, At: environment.Scheduler.Now);
            output.WriteLine(GatewayStatusLine.Format(previous.Status, now.Status, now.At - previous.At));
            output.Flush();
            previous = now;
        });
        await outcome.Completion;
        return await outcome.ReportAsync(environment.Error);
    }

    /// <summary>Upbit serves REST from the socket's host: <c>wss://host/websocket/v1</c> → <c>https://host/</c>.</summary>
    private static Uri RestBaseOf(Uri socket) => new UriBuilder(socket)
    {
        Scheme = socket.Scheme == "ws" ? "http" : "https",
        Port = socket.IsDefaultPort ? -1 : socket.Port,
        Path = "/",
        Query = string.Empty,
    }.Uri;
}
