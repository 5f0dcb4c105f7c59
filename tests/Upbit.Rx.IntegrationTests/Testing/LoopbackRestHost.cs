using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Testing.RestScenarios;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.IntegrationTests.Testing;

/// <summary>The loopback REST host: a plain <see cref="HttpClient"/> to the server's <c>/v1/…</c> on 127.0.0.1, every
/// request bounded by <see cref="LoopbackHost.Patience"/>.</summary>
public sealed class LoopbackRestHost : IRestHost
{
    private readonly LoopbackHost _host;

    private LoopbackRestHost(LoopbackHost host)
    {
        _host = host;
        Http = new HttpClient { BaseAddress = host.Server.RestEndpoint, Timeout = LoopbackHost.Patience };
    }

    public FakeUpbitExchange Exchange => _host.Exchange;

    public LoopbackUpbitServer Server => _host.Server;

    public HttpClient Http { get; }

    public static async Task<LoopbackRestHost> StartAsync(FakeExchangeOptions options) => new(await LoopbackHost.StartAsync(options));

    public Task<IFakeClient> ConnectAsync(bool isPrivate = false, string? authorization = null) => _host.ConnectAsync(isPrivate, authorization);

    public Task PassAsync(TimeSpan span) => _host.PassAsync(span);

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        configure?.Invoke(request);
        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }
}
