using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Testing.RestScenarios;

/// <summary>An exchange host that also serves REST: in memory (an HttpClient over the exchange's handler, on a
/// TestScheduler) or loopback (a plain HttpClient to 127.0.0.1).</summary>
public interface IRestHost : IExchangeHost
{
    /// <summary>Sends a GET (bounded in time) and returns the answer; a refused connection throws
    /// <see cref="HttpRequestException"/>.</summary>
    Task<HttpResponseMessage> GetAsync(string pathAndQuery, Action<HttpRequestMessage>? configure = null);
}
