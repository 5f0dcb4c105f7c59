namespace Upbit.Rx;

/// <content>The REST half: the client this client uses itself, exposed for quotation calls.</content>
public sealed partial class UpbitClient
{
    private readonly UpbitRestClient _rest;

    /// <summary>
    /// The REST quotation client on the same host as the streams (<see cref="UpbitClientOptions.RestEndpoint"/>), paced on
    /// the same <see cref="UpbitClientOptions.Scheduler"/>, and sending with <see cref="UpbitClientOptions.HttpClient"/> when
    /// one is given. It is the one instance this client uses itself, so both share its rate-limit bookkeeping; it is disposed
    /// with this client.
    /// </summary>
    public UpbitRestClient Rest => _rest;

    /// <remarks>NB: without a given <see cref="UpbitClientOptions.HttpClient"/> the REST client makes its own at its first
    /// call, so a client that only streams never builds an HTTP handler.</remarks>
    private static UpbitRestClient CreateRest(UpbitClientOptions options)
    {
        var restOptions = new UpbitRestOptions { BaseAddress = options.RestBaseAddress(), Scheduler = options.Scheduler };
        return options.HttpClient is { } http
            ? new(http, restOptions, ownsHttpClient: false)
            : new(UpbitRestClient.CreateHttpClient, restOptions);
    }
}
