using Upbit.Rx.Streams;

namespace Upbit.Rx.IntegrationTests.Docs.QuickStart;

/// <summary>
/// The README quick start's <c>new UpbitClient()</c> in <see cref="ReadmeQuickStartTests"/>: the real
/// <see cref="Rx.UpbitClient"/>, pointed at the loopback server of the running test instead of Upbit. It forwards the
/// members the quick start uses, with the same signatures; Upbit.Rx.Tests compiles the same text against the real type.
/// </summary>
internal sealed class UpbitClient : IAsyncDisposable
{
    private readonly Rx.UpbitClient _client = new(new UpbitClientOptions
    {
        PublicEndpoint = Endpoint.Value ?? throw new InvalidOperationException("Set UpbitClient.Endpoint to the loopback server first."),
    });

    /// <summary>The loopback server's public endpoint for clients created on this async flow.</summary>
    public static AsyncLocal<Uri?> Endpoint { get; } = new();

    public IObservable<ConnectionState> ConnectionStates => _client.ConnectionStates;

    public IObservable<Ticker> Ticker(params IEnumerable<string> codes) => _client.Ticker(codes);

    public IObservable<Trade> Trade(params IEnumerable<string> codes) => _client.Trade(codes);

    public Task<IReadOnlyList<Orderbook>> GetOrderbooksAsync(IEnumerable<string> codes, int units = 30, CancellationToken cancellationToken = default) =>
        _client.GetOrderbooksAsync(codes, units, cancellationToken);

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
