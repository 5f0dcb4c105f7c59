using Upbit.Rx.Streams;
using Upbit.Rx.Server;
using Upbit.Rx.Testing.Engine;
using Upbit.Rx.Testing.Rest;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Testing;

/// <summary>
/// An Upbit-compatible exchange that runs in memory on any scheduler: a client connected to it sees what it would see
/// from <c>wss://api.upbit.com</c> (binary UTF-8 JSON frames, replace-on-each-request subscriptions, snapshots then
/// realtime data from a deterministic <see cref="MarketSimulator"/>, <c>UP</c> keep-alives, idle drops, error frames
/// followed by close 1000, rate limits and JWT checks), and a test can script faults and observe every request.
/// </summary>
/// <remarks>
/// With a <c>TestScheduler</c> nothing happens until the test advances the clock: connects, frames, timers and market
/// ticks all run in virtual time, in a reproducible order. All members are thread-safe.
/// <para>Where Upbit's behaviour is undocumented the exchange picks one reading and says so: control frames (status,
/// errors, LIST_SUBSCRIPTIONS replies) are never wrapped in list arrays; the LIST reply echoes codes as requested
/// (orderbook <c>.N</c> suffixes kept); camelCase <c>isOnlySnapshot</c>/<c>isOnlyRealtime</c> are accepted; a type
/// served by the other endpoint is <c>INVALID_PARAM</c>; the rest are <see cref="FakeExchangeOptions"/> settings.</para>
/// </remarks>
public sealed partial class FakeUpbitExchange : IDisposable
{
    private readonly ExchangeHub _hub;
    private readonly ExchangeLog _log;

    /// <summary>Creates the exchange and starts its market on <see cref="FakeExchangeOptions.Scheduler"/>.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">A setting cannot work (a non-positive interval or limit, an empty key) or
    /// the market options are invalid (see <see cref="MarketSimulator"/>).</exception>
    public FakeUpbitExchange(FakeExchangeOptions? options = null)
    {
        Options = options ?? new FakeExchangeOptions();
        Options.Validate();
        Market = new MarketSimulator(Options.Market, Options.Scheduler);
        _log = new ExchangeLog(Options.LogLimit);
        _hub = new ExchangeHub(Options.ToEngineOptions(), new SimulatorSource(Market), _log);
        Transport = new InMemoryTransport(_hub);
        Rest = new RestService(Options, Options.Scheduler, Market);
    }

    /// <summary>The public endpoint's address. In memory it only selects the endpoint: nothing ever resolves it.</summary>
    public static Uri PublicEndpoint { get; } = new("wss://fake-upbit.invalid" + EndpointPaths.Public);

    /// <summary>The private endpoint's address (see <see cref="PublicEndpoint"/>).</summary>
    public static Uri PrivateEndpoint { get; } = new("wss://fake-upbit.invalid" + EndpointPaths.Private);

    /// <summary>The settings in force.</summary>
    public FakeExchangeOptions Options { get; }

    /// <summary>The simulated markets behind the public endpoint; read it to know what a client should receive.</summary>
    public MarketSimulator Market { get; }

    /// <summary>Every text frame received so far (the last <see cref="FakeExchangeOptions.LogLimit"/>), in arrival order
    /// (a copy).</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _log.Requests;

    /// <summary>Every accepted connection so far (the last <see cref="FakeExchangeOptions.LogLimit"/>), in opening
    /// order, with its current state (a copy).</summary>
    public IReadOnlyList<ConnectionRecord> Connections => _log.Connections;

    /// <summary>Every upgrade request judged so far (the last <see cref="FakeExchangeOptions.LogLimit"/>), accepted or
    /// refused, in arrival order (a copy).</summary>
    public IReadOnlyList<UpgradeAttempt> Upgrades => _log.Upgrades;

    /// <summary>Hot: each text frame as it arrives, on the thread that delivered it.</summary>
    public IObservable<ReceivedRequest> RequestReceived => _log.RequestReceived;

    /// <summary>Hot: a connection's record when it opens and again when it closes.</summary>
    public IObservable<ConnectionRecord> ConnectionChanged => _log.ConnectionChanged;

    /// <summary>
    /// This exchange in memory as an <see cref="UpbitTransport"/>, on the exchange's scheduler: set it as
    /// <see cref="UpbitClientOptions.Transport"/> (with this exchange's endpoints and scheduler) to wire a client by hand;
    /// <see cref="CreateClient"/> does exactly that. A refused upgrade is the <c>WebSocketException</c> a real socket throws.
    /// </summary>
    public UpbitTransport Transport { get; }

    internal ExchangeHub Hub => _hub;

    /// <summary>Sends a myOrder event to every private connection subscribed to its code (or to all codes).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="order"/> is null.</exception>
    public void Publish(MyOrder order) => PublishPrivate(order);

    /// <summary>Sends a myAsset event to every private connection subscribed to myAsset.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="asset"/> is null.</exception>
    public void Publish(MyAsset asset) => PublishPrivate(asset);

    /// <summary>Sends an announcement to every private connection subscribed to its category (the body only where
    /// <c>include_body</c> was asked for).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="announcement"/> is null.</exception>
    public void Publish(Announcement announcement) => PublishPrivate(announcement);

    /// <summary>Drops every open connection and stops the market.</summary>
    public void Dispose()
    {
        _hub.Dispose();
        Market.Dispose();
        _log.Complete();
        Rest.Complete();
        lock (_httpClients)
        {
            _httpClients.ForEach(h => h.Dispose());
            _httpClients.Clear();
        }
    }

    private void PublishPrivate(UpbitMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _hub.Publish(message);
    }
}
