using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Testing.RestScenarios;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Testing;

/// <summary>The in-memory REST host: an HttpClient over the exchange's own handler, on the TestScheduler of a
/// <see cref="VirtualHost"/>; a request that is not answered at once is waited for by advancing virtual time.</summary>
public sealed class VirtualRestHost(FakeExchangeOptions options) : IRestHost
{
    private readonly VirtualHost _host = new(options);
    private HttpClient? _http;

    public FakeUpbitExchange Exchange => _host.Exchange;

    public VirtualHost Inner => _host;

    public HttpClient Http => _http ??= Exchange.CreateHttpClient();

    public Task<IFakeClient> ConnectAsync(bool isPrivate = false, string? authorization = null) => _host.ConnectAsync(isPrivate, authorization);

    public Task PassAsync(TimeSpan span) => _host.PassAsync(span);

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        configure?.Invoke(request);
        var answer = Http.SendAsync(request);
        _host.Until(() => answer.IsCompleted);
        return answer;
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await _host.DisposeAsync();
    }
}
