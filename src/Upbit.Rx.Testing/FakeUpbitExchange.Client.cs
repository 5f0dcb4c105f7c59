namespace Upbit.Rx.Testing;

public sealed partial class FakeUpbitExchange
{
    private readonly List<HttpClient> _httpClients = [];

    /// <summary>
    /// Creates an <see cref="UpbitClient"/> wired to this exchange in memory, on the exchange's scheduler, so a
    /// <c>TestScheduler</c> drives the client and the exchange together.
    /// </summary>
    /// <param name="options">Client options; endpoints, scheduler and transport are replaced with this exchange's. When no
    /// <see cref="UpbitClientOptions.Credentials"/> are given, the exchange's own keys are used so private streams work.
    /// When no <see cref="UpbitClientOptions.HttpClient"/> is given, <see cref="UpbitClient.Rest"/> (and the trade backfill)
    /// (with the market list and snapshot calls while the socket is closed) send to this exchange's in-memory REST API (<see cref="CreateHttpClient"/>, disposed with the exchange).</param>
    /// <returns>A client the caller disposes.</returns>
    public UpbitClient CreateClient(UpbitClientOptions? options = null)
    {
        var configured = (options ?? new UpbitClientOptions()) with
        {
            PublicEndpoint = PublicEndpoint,
            PrivateEndpoint = PrivateEndpoint,
            Scheduler = Options.Scheduler,
            Transport = Transport,
        };
        if (configured.Credentials is null)
        {
            configured = configured with { Credentials = new UpbitCredentials(Options.AccessKey, Options.SecretKey) };
        }

        if (configured.HttpClient is null)
        {
            var http = CreateHttpClient();
            lock (_httpClients)
            {
                _httpClients.Add(http);
            }

            configured = configured with { HttpClient = http, RestEndpoint = RestEndpoint };
        }

        return new UpbitClient(configured);
    }
}
