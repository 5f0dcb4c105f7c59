using System.Collections.Concurrent;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Client;

/// <summary>A burst faster than the client decodes, over a real socket: the frames back up, and with
/// <see cref="UpbitClientOptions.DecodeInParallel"/> on they are decoded on workers too.</summary>
public sealed class DecodeInParallelSocketTests
{
    private const int Count = 4_000;
    private const long IdBase = 1L << 60;
    private const long StampBase = 1L << 44;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Test]
    [CancelAfter(60_000)]
    public async Task Burst_TradesAndBooksInTurn_EveryOneArrivesOnceInArrivalOrder([Values] bool parallel, [Values] TransportKind transport)
    {
        // NB: Websocket.Client cannot say whether frames wait behind the one it hands out; its transport guesses from the
        // turn-around time (ArrivalBacklog), and without the guess this burst would never reach the line.
        await using var server = await LoopbackUpbitServer.StartAsync();
        using var client = NewClient(server, parallel, transport);
        var burst = new Burst(client);
        using var subscribers = burst.SeeTradesAndBooks();
        var frames = TradesAndBooks(server);
        Assert.That(frames[1].Length, Is.GreaterThan(2048), "books are large enough to be handed off");

        await burst.PushAndWaitAsync(server, frames);

        Assert.That(burst.Seen, Is.EqualTo(Enumerable.Range(0, Count).Select(i => (long)i)));

        // NB: deliveries run one at a time, so this read is not racy; frames waited in the line only when parallel.
        Assert.That(burst.MostInFlight, parallel ? Is.GreaterThan(0) : Is.EqualTo(0));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Burst_TickersAlone_EveryOneArrivesOnceInArrivalOrder([Values] bool parallel)
    {
        // NB: a feed of small frames alone: with the option on, tickers are handed off too once 64 frames in a row were
        // under 2 KB (FramePipeline.MinHandOffBytesAlone), so this burst goes through the line, not inline.
        await using var server = await LoopbackUpbitServer.StartAsync();
        using var client = NewClient(server, parallel, TransportKind.ClientWebSocket);
        var ticker = server.Exchange.Market.Ticker("KRW-BTC", StreamType.Realtime);
        var burst = new Burst(client);
        using var tickers = client.Ticker("KRW-BTC").Where(t => t.Timestamp >= StampBase).Subscribe(t => burst.See(t.Timestamp - StampBase));
        var frames = Enumerable.Range(0, Count).Select(i => FrameEncoder.EncodeUtf8(ticker with { Timestamp = StampBase + i }, WireFormat.Default)).ToArray();
        Assert.That(frames[0].Length, Is.InRange(768, 2047), "tickers are small frames that a feed of them alone hands off");

        await burst.PushAndWaitAsync(server, frames);

        Assert.That(burst.Seen, Is.EqualTo(Enumerable.Range(0, Count).Select(i => (long)i)));
        Assert.That(burst.MostInFlight, parallel ? Is.GreaterThan(0) : Is.EqualTo(0));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Burst_ThenServerErrorAndClose_EveryFrameAndTheErrorArriveBeforeTheDrop([Values] TransportKind transport)
    {
        // NB: the error frame and the close come right behind the burst, while frames are still being decoded in
        // parallel; the connection's end must not drop them (FramePipeline.Flush), nor the error frame behind them.
        await using var server = await LoopbackUpbitServer.StartAsync(new FakeExchangeOptions { ErrorCloseDelay = TimeSpan.Zero });
        using var client = NewClient(server, parallel: true, transport);
        var burst = new Burst(client);
        var serverErrors = new ConcurrentQueue<UpbitError>();
        using var errors = client.Errors.Where(e => e.Kind == UpbitErrorKind.ServerError).Subscribe(serverErrors.Enqueue);
        using var subscribers = burst.SeeTradesAndBooks();
        var frames = TradesAndBooks(server);
        var dropped = client.ConnectionStates.Where(s => s.Status == ConnectionStatus.Reconnecting).FirstAsync().ToTask();

        await burst.PushAndWaitAsync(server, frames, connection => server.Exchange.SendError(connection, "TOO_MANY_REQUESTS", "too many requests"), untilAllSeen: false);
        await dropped.WaitAsync(Bound);

        Assert.That(burst.Seen, Is.EqualTo(Enumerable.Range(0, Count).Select(i => (long)i)), "every frame before the close");
        Assert.That(serverErrors.Select(e => e.Message), Has.Some.Contains("TOO_MANY_REQUESTS"), "the error frame before the close");
    }

    /// <summary><see cref="Count"/> frames, trades and order books in turn, marked with their index (trade ids and book
    /// stamps above <see cref="IdBase"/> and <see cref="StampBase"/>).</summary>
    private static byte[][] TradesAndBooks(LoopbackUpbitServer server)
    {
        var trade = server.Exchange.Market.Trade("KRW-BTC", StreamType.Realtime);
        var book = server.Exchange.Market.Orderbook("KRW-BTC", streamType: StreamType.Realtime)!;
        return [.. Enumerable.Range(0, Count)
            .Select(i => i % 2 == 0
                ? FrameEncoder.EncodeUtf8(trade with { SequentialId = IdBase + i }, WireFormat.Default)
                : FrameEncoder.EncodeUtf8(book with { Timestamp = StampBase + i }, WireFormat.Default))];
    }

    private static UpbitClient NewClient(LoopbackUpbitServer server, bool parallel, TransportKind transport) => new(new UpbitClientOptions
    {
        Transport = Transports.ForOptions(transport),
        PublicEndpoint = server.PublicEndpoint,
        PrivateEndpoint = server.PrivateEndpoint,
        Compression = false,
        BackfillTrades = false,
        DecodeInParallel = parallel,
    });

    /// <summary>What a burst's subscribers saw: the marks in delivery order, and the most frames in flight at a delivery.</summary>
    private sealed class Burst(UpbitClient client)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<long> Seen { get; } = new();

        public int MostInFlight { get; private set; }

        /// <summary>
        /// Subscribes to the marked trades and books of <see cref="TradesAndBooks"/>. NB: the marks are far above
        /// anything the simulator sends on its own (its trade ids are Upbit-like, about 1.8e16), which the filters leave out.
        /// </summary>
        public IDisposable SeeTradesAndBooks() => new CompositeDisposable(
            client.Trade("KRW-BTC").Where(t => t.SequentialId >= IdBase).Subscribe(t => See(t.SequentialId - IdBase)),
            client.Orderbook("KRW-BTC").Where(b => b.Timestamp >= StampBase).Subscribe(b => See(b.Timestamp - StampBase)));

        public void See(long mark)
        {
            MostInFlight = Math.Max(MostInFlight, client.PublicConnection.FramesInFlight);
            Seen.Enqueue(mark);
            if (Seen.Count == Count)
            {
                _all.TrySetResult();
            }
        }

        /// <summary>
        /// Waits for the connection, pushes every frame at once, then does <paramref name="then"/> to the connection,
        /// and waits until all <see cref="Count"/> were seen unless told not to.
        /// </summary>
        public async Task PushAndWaitAsync(LoopbackUpbitServer server, byte[][] frames, Action<int>? then = null, bool untilAllSeen = true)
        {
            await client.ConnectionStates.Where(s => s.Status == ConnectionStatus.Connected).FirstAsync().ToTask().WaitAsync(Bound);
            var connection = server.Exchange.Connections[0].Id;
            foreach (var frame in frames)
            {
                server.Exchange.PushFrame(connection, frame);
            }

            then?.Invoke(connection);
            if (untilAllSeen)
            {
                await _all.Task.WaitAsync(Bound);
            }
        }
    }
}
