using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Upbit.Rx.Connection;
using Upbit.Rx.Protocol;
using Upbit.Rx.Testing;
using Upbit.Rx.Server;
using Upbit.Rx.Transport;
using Upbit.Rx.WebsocketClient;

namespace Upbit.Rx.Benchmarks.Transport;

/// <summary>
/// The two transports side by side in one run, over 127.0.0.1 against the fake exchange's loopback server: the
/// server pushes 2,000 ticker frames (binary, uncompressed) to one connection of each transport, with at most
/// <see cref="Window"/> in flight. <c>ClientWebSocket</c> (the default) is the baseline. Per message: time, and bytes
/// allocated by the whole process (the server's share is the same for both, so the difference is the transport's).
/// Latency percentiles (push to the transport's <c>OnNext</c>) are printed at the end of each case.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/Upbit.Rx.Benchmarks -- --filter *TransportBenchmarks*</c>.</remarks>
[Config(typeof(DecoderBenchmarkConfig))]
public class TransportBenchmarks
{
    private const int Messages = 2_000;

    private static readonly FakeExchangeOptions ExchangeOptions = new()
    {
        IdleTimeout = Timeout.InfiniteTimeSpan,
        Market = new MarketSimulatorOptions { Codes = ["KRW-BTC"], TickInterval = TimeSpan.FromHours(1) },
    };

    private readonly long[] _sentAt = new long[Messages];
    private byte[] _frame = [];
    private LoopbackUpbitServer? _server;
    private Connection? _clientWebSocket;
    private Connection? _websocketClient;

    /// <summary>Frames in flight at most: 1 measures one message at a time (latency), 64 a busy feed (throughput).</summary>
    [Params(1, 64)]
    public int Window { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _frame = FrameEncoder.EncodeUtf8(TickerBatch.Message(0), WireFormat.Default);
        _server = LoopbackUpbitServer.StartAsync(ExchangeOptions).GetAwaiter().GetResult();
        _clientWebSocket = Open(new WebSocketTransport(TimeSpan.FromSeconds(20)));
        _websocketClient = Open(new WebsocketClientTransport(TimeSpan.FromSeconds(20)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (name, connection) in new[] { ("ClientWebSocket", _clientWebSocket), ("WebsocketClient", _websocketClient) })
        {
            if (connection is { Probe.Received: > 0 })
            {
                var (p50, p99) = connection.Probe.Percentiles();
                Console.WriteLine($"// latency {name} window {Window}: p50 {p50:F0} µs, p99 {p99:F0} µs over the last {Math.Min(connection.Probe.Received, 1 << 18):N0} frames");
            }

            connection?.Subscription.Dispose();
        }

        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public void ClientWebSocket() => Pump(_clientWebSocket!);

    [Benchmark(OperationsPerInvoke = Messages)]
    public void WebsocketClient() => Pump(_websocketClient!);

    private void Pump(Connection connection)
    {
        var start = connection.Probe.Received;
        for (var i = 0; i < Messages; i++)
        {
            var spinner = default(SpinWait);
            while (i - (connection.Probe.Received - start) >= Window)
            {
                spinner.SpinOnce();
            }

            _sentAt[(start + i) % Messages] = Stopwatch.GetTimestamp();
            connection.Session.Push(_frame, isText: false);
        }

        var done = default(SpinWait);
        while (connection.Probe.Received - start < Messages)
        {
            done.SpinOnce();
        }
    }

    private Connection Open(UpbitTransport transport)
    {
        var exchange = _server!.Exchange;
        var known = exchange.Connections.Select(c => c.Id).ToHashSet();
        var probe = new TransportProbe(_sentAt);
        var request = new TransportRequest(_server.PublicEndpoint, [], compression: false, maxMessageBytes: 1 << 20);
        var subscription = transport.Connect(request).Subscribe(probe);
        probe.Opened.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        var spinner = default(SpinWait);
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (true)
        {
            var open = exchange.Connections.FirstOrDefault(c => c.IsOpen && !known.Contains(c.Id));
            if (open is not null && exchange.Hub.Find(open.Id) is { } session)
            {
                return new Connection(subscription, session, probe);
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("The server did not report the benchmark connection within 30 s.");
            }

            spinner.SpinOnce();
        }
    }

    private sealed record Connection(IDisposable Subscription, ExchangeSession Session, TransportProbe Probe);
}
