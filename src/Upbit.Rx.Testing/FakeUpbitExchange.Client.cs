namespace Upbit.Rx.Testing;

public sealed partial class FakeUpbitExchange
{
    /// <summary>
    /// Creates an <see cref="UpbitClient"/> wired to this exchange in memory, on the exchange's scheduler, so a
    /// <c>TestScheduler</c> drives the client and the exchange together.
    /// </summary>
    /// <param name="options">Client options; endpoints and scheduler are replaced with this exchange's. When no
    /// <see cref="UpbitClientOptions.Credentials"/> are given, the exchange's own keys are used so private streams work. REST (the market list, snapshot calls while the
    /// socket is closed, <see cref="UpbitClient.Rest"/>) goes to <see cref="CreateHttpHandler"/> unless
    /// <see cref="UpbitClientOptions.HttpClient"/> is given.</param>
    /// <returns>A client the caller disposes.</returns>
    public UpbitClient CreateClient(UpbitClientOptions? options = null)
    {
        var configured = (options ?? new UpbitClientOptions()) with
        {
            PublicEndpoint = PublicEndpoint,
            PrivateEndpoint = PrivateEndpoint,
            Scheduler = Options.Scheduler,
            HttpClient = options?.HttpClient ?? CreateHttpClient(),
        };
        if (configured.Credentials is null)
        {
            configured = configured with { Credentials = new UpbitCredentials(Options.AccessKey, Options.SecretKey) };
        }

        return new UpbitClient(configured, Transport);
    }
}
