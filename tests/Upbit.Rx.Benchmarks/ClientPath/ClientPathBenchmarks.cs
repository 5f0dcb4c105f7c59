using BenchmarkDotNet.Attributes;
using Upbit.Rx.Benchmarks.SideBySide;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Benchmarks.ClientPath;

/// <summary>
/// What the client adds to decoding, per frame, with no socket and no other thread: the side-by-side feeds' frames
/// (each with a fresh stamp, so no state stream drops one as a repeat) pushed through <see cref="MemoryTransport"/>
/// into an <see cref="UpbitClient"/> with one subscriber per stream type (decode, confirm, route, dedupe, deliver to the
/// callback), against <see cref="FrameDecoder"/> alone on the same frames. The ratio is the library's own cost on
/// top of the decoder; what the loopback runs show beyond it is sockets and scheduling.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/Upbit.Rx.Benchmarks -- --filter *ClientPath*</c>.</remarks>
[Config(typeof(DecoderBenchmarkConfig))]
public class ClientPathBenchmarks
{
    private const int Frames = 600;

    private readonly FrameDecoder _decoder = new();
    private readonly List<UpbitMessage> _output = new(4);
    private readonly List<IDisposable> _subscriptions = [];
    private FeedFrames? _frames;
    private MemoryTransport? _transport;
    private UpbitClient? _client;
    private long _next;
    private long _delivered;

    /// <summary>The side-by-side feed: tickers, 30-unit order books, or ticker, trade and book in turn.</summary>
    [Params("Tickers", "Orderbooks", "Mix")]
    public string Feed { get; set; } = "Tickers";

    private FeedKind Kind => Enum.Parse<FeedKind>(Feed);

    [GlobalSetup]
    public void Setup()
    {
        _frames = new FeedFrames(Kind);
        _transport = new MemoryTransport();
        _client = new UpbitClient(new UpbitClientOptions
        {
            PublicEndpoint = new Uri("ws://127.0.0.1:1/websocket/v1"),
            Transport = _transport,
            Compression = false,
            ValidateCodes = false,
            BackfillTrades = false,
            FallbackAfter = null,
        });
        var codes = TickerBatch.Codes;
        _subscriptions.Add(_client.Ticker(codes).Subscribe(_ => _delivered++));
        if (Kind != FeedKind.Tickers)
        {
            _subscriptions.Add(_client.Orderbook(codes).Subscribe(_ => _delivered++));
        }

        if (Kind == FeedKind.Mix)
        {
            _subscriptions.Add(_client.Trade(codes).Subscribe(_ => _delivered++));
        }

        // NB: frames of keys not yet on the wire are dropped (as Upbit would never send them), so pushing starts once
        // the client's pacer has sent a request covering the feed; the spin is bounded.
        var (transport, feed) = (_transport, Kind);
        if (!SpinWait.SpinUntil(() => transport.Sent.Any(t => RequestCoverage.Covers(t, feed) == true), TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException("The client never asked for the whole feed.");
        }

        // NB: a benchmark whose frames are not delivered measures nothing; one round must reach the callbacks.
        var before = _delivered;
        Client();
        if (_delivered - before != Frames)
        {
            throw new InvalidOperationException($"{Frames} frames pushed, {_delivered - before} delivered.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _subscriptions.ForEach(s => s.Dispose());
        _client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Frames)]
    public int DecodeOnly()
    {
        var messages = 0;
        for (var i = 0; i < Frames; i++)
        {
            _decoder.TryDecode(_frames!.Stamp(_next, _next), _output, out _);
            _next++;
            messages += _output.Count;
            _output.Clear();
        }

        return messages;
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public long Client()
    {
        for (var i = 0; i < Frames; i++)
        {
            _transport!.Push(_frames!.Stamp(_next, _next));
            _next++;
        }

        return _delivered;
    }
}
