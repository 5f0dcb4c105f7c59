using Upbit.Rx.Testing;

namespace Upbit.Rx.Cli.Feeds;

/// <summary>
/// Where a command's client connects: Upbit itself (or an <c>--endpoint</c>), or a loopback fake exchange started
/// in-process, which this object owns and stops on dispose.
/// </summary>
internal sealed class FeedSource : IAsyncDisposable
{
    private static readonly Uri Upbit = new UpbitClientOptions().PublicEndpoint;
    private readonly IDisposable? _scheduler;

    private FeedSource(Uri endpoint, string name, LoopbackUpbitServer? server, IDisposable? scheduler)
    {
        Endpoint = endpoint;
        Name = name;
        Server = server;
        _scheduler = scheduler;
    }

    /// <summary>The public endpoint to connect to.</summary>
    public Uri Endpoint { get; }

    /// <summary>What it is, for the status line (<c>Upbit</c>, <c>simulator</c>, <c>replay</c>, or the URL).</summary>
    public string Name { get; }

    /// <summary>The in-process exchange, when there is one.</summary>
    public LoopbackUpbitServer? Server { get; }

    /// <summary>Whether the endpoint is outside this process, so failing to reach it is the network's fault.</summary>
    public bool IsRemote => Server is null;

    public static FeedSource Remote(Uri? endpoint) =>
        endpoint is null ? new FeedSource(Upbit, "Upbit", null, null) : new FeedSource(endpoint, endpoint.ToString(), null, null);

    /// <summary>Starts the fake exchange with its default simulated market, which has already traded for <paramref name="history"/>
    /// (so REST history exists from the start; zero for none).</summary>
    public static async Task<FeedSource> SimulateAsync(CliEnvironment environment, int port, CancellationToken cancellationToken, TimeSpan history = default)
    {
        var options = history > TimeSpan.Zero ? new FakeExchangeOptions { Market = new MarketSimulatorOptions { History = history } } : null;
        var server = await StartAsync(options, port, cancellationToken);
        environment.ServerStarted?.Invoke(server);
        return new FeedSource(server.PublicEndpoint, "simulator", server, null);
    }

    /// <summary>Starts a fake exchange with no simulated market, to carry recorded frames only.</summary>
    public static async Task<FeedSource> ReplayAsync(CliEnvironment environment, CancellationToken cancellationToken)
    {
        // NB: one event-loop thread runs every exchange action, so frames scheduled for the same instant keep file order.
        var loop = new ReplayScheduler();
        try
        {
            var options = new FakeExchangeOptions { Scheduler = loop, Market = new MarketSimulatorOptions { Codes = [] } };
            var server = await StartAsync(options, 0, cancellationToken);
            environment.ServerStarted?.Invoke(server);
            return new FeedSource(server.PublicEndpoint, "replay", server, loop);
        }
        catch
        {
            loop.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        _scheduler?.Dispose();
    }

    private static async Task<LoopbackUpbitServer> StartAsync(FakeExchangeOptions? options, int port, CancellationToken cancellationToken)
    {
        try
        {
            return await LoopbackUpbitServer.StartAsync(options, port, cancellationToken);
        }
        catch (IOException e)
        {
            throw new CliException(ExitCodes.RuntimeFailure, $"cannot listen on 127.0.0.1:{port}: {e.Message}", e);
        }
    }
}
