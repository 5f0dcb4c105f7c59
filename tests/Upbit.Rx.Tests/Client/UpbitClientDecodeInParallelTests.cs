using System.Collections.Concurrent;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary><see cref="UpbitClientOptions.DecodeInParallel"/>: where frames that back up are decoded and delivered.</summary>
public sealed class UpbitClientDecodeInParallelTests
{
    private const int Count = 2_000;

    private static readonly Trade Sample = (Trade)Fixture("ws_trade_default_upbit-docs_krw-btc.json");

    private static readonly Orderbook Book = (Orderbook)Fixture("ws_orderbook_default_upbit-docs_krw-btc_level10000.json");

    [Test]
    public void DecodeInParallel_Default_IsOn()
    {
        Assert.That(new UpbitClientOptions().DecodeInParallel, Is.True);
    }

    [Test]
    [CancelAfter(20_000)]
    public void DecodeInParallel_Off_FramesThatBackUpAreDeliveredOnTheReceiveThreadBeforePushReturns(CancellationToken cancellationToken)
    {
        var (seen, threads, lagged) = Run(parallel: false, cancellationToken);

        Assert.That(seen, Is.EqualTo(Enumerable.Range(1, Count).Select(i => (long)i)));
        Assert.That(threads, Is.EqualTo(new[] { Environment.CurrentManagedThreadId }));
        Assert.That(lagged, Is.Zero, "pushes that returned before their frame was delivered");
    }

    [Test]
    [CancelAfter(20_000)]
    public void DecodeInParallel_On_FramesThatBackUpAreDeliveredOnceEachInArrivalOrder(CancellationToken cancellationToken)
    {
        var (seen, _, _) = Run(parallel: true, cancellationToken);

        Assert.That(seen, Is.EqualTo(Enumerable.Range(1, Count).Select(i => (long)i)));
    }

    [Test]
    [CancelAfter(60_000)]
    public void Dispose_SubscriberStuckOnAWorkerWhileTheReceiveLoopWaitsForRoom_TheReceiveLoopReturns(CancellationToken cancellationToken)
    {
        var transport = new ManualTransport();
        var client = new UpbitClient(new UpbitClientOptions
        {
            Scheduler = new TestScheduler(),
            Transport = transport,
            ValidateCodes = false,
            DecodeInParallel = true,
        });
        using var stuck = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var disposed = new ManualResetEventSlim();
        var pusher = -1;
        Thread? pushing = null;
        try
        {
            // NB: the first book a decoding worker delivers never returns (until the end of the test); the receive loop
            // fills the line behind it and waits for room. Disposing the client must free that loop, not leave it
            // waiting as long as the subscriber.
            using var books = client.Orderbook(15, Book.Level ?? 0m, "KRW-BTC").Subscribe(_ =>
            {
                if (Environment.CurrentManagedThreadId != Volatile.Read(ref pusher) && !stuck.IsSet)
                {
                    stuck.Set();
                    release.Wait(TimeSpan.FromSeconds(30));
                }
            });
            var connection = transport.Take(0, cancellationToken);
            connection.Open();
            void PushBooks()
            {
                Volatile.Write(ref pusher, Environment.CurrentManagedThreadId);
                for (var i = 2; !disposed.IsSet; i += 2)
                {
                    connection.Push(Frame(i), backlog: true);
                }
            }

            pushing = new Thread(PushBooks) { IsBackground = true };
            pushing.Start();

            Assert.That(stuck.Wait(TimeSpan.FromSeconds(20), cancellationToken), Is.True, "no book was delivered on a worker");
            Assert.That(SpinWait.SpinUntil(() => client.PublicConnection.FramesInFlight > 64, TimeSpan.FromSeconds(20)), Is.True, "the line never filled");
            client.Dispose();
            disposed.Set();

            Assert.That(pushing.Join(TimeSpan.FromSeconds(20)), Is.True, "the receive loop still waits behind the stuck subscriber");
            Assert.That(release.IsSet, Is.False);
        }
        finally
        {
            disposed.Set();
            release.Set();
            client.Dispose();
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public void Closed_WhileAWorkerStillDeliversBooks_EveryFramePushedBeforeTheEndIsDelivered([Values] bool closeFrame, CancellationToken cancellationToken)
    {
        var transport = new ManualTransport();
        using var client = new UpbitClient(new UpbitClientOptions
        {
            Scheduler = new TestScheduler(),
            Transport = transport,
            ValidateCodes = false,
            BackfillTrades = false,
            DecodeInParallel = true,
        });
        var seen = new ConcurrentQueue<long>();
        using var onWorker = new ManualResetEventSlim();
        using var closeHandled = new ManualResetEventSlim();
        var pusher = Thread.CurrentThread;
        var ending = 0;

        // NB: the first book delivered on a decoding worker waits until the client has handled the end, or until the
        // pushing thread, inside that handling, blocks (the flush waiting for this very delivery). Without the flush
        // the end tears the connection down first, and the frames behind this one are dropped.
        using var books = client.Orderbook(15, Book.Level ?? 0m, "KRW-BTC").Subscribe(b =>
        {
            if (Environment.CurrentManagedThreadId != pusher.ManagedThreadId && !onWorker.IsSet)
            {
                onWorker.Set();
                SpinWait.SpinUntil(
                    () => closeHandled.IsSet || (Volatile.Read(ref ending) != 0 && (pusher.ThreadState & ThreadState.WaitSleepJoin) != 0),
                    TimeSpan.FromSeconds(20));
            }

            seen.Enqueue(b.Timestamp);
        });
        var connection = transport.Take(0, cancellationToken);
        connection.Open();
        var pushed = new List<long>();
        for (var i = 2; pushed.Count < 20; i += 2)
        {
            connection.Push(Frame(i), backlog: true);
            pushed.Add(i);
            if (!onWorker.IsSet && !seen.Contains(i))
            {
                Assert.That(onWorker.Wait(TimeSpan.FromSeconds(20), cancellationToken), Is.True, "no book was delivered on a worker");
            }
        }

        // NB: the server's close frame, or the socket failing (the transport's OnError): either ends the connection.
        Volatile.Write(ref ending, 1);
        if (closeFrame)
        {
            connection.Close();
        }
        else
        {
            connection.Fail(new IOException("the connection was reset"));
        }

        closeHandled.Set();

        Assert.That(SpinWait.SpinUntil(() => seen.Count == pushed.Count, TimeSpan.FromSeconds(5)), Is.True, $"{seen.Count} of {pushed.Count} delivered");
        Assert.That(seen, Is.EqualTo(pushed));
    }

    [Test]
    public void Frames_BooksAndTrades_BooksAreLargeEnoughToBeHandedOff()
    {
        // NB: what the tests above rely on: trades stay on the receive loop either way, books may go to a worker.
        Assert.That(Frame(1).Length, Is.LessThan(2048));
        Assert.That(Frame(2).Length, Is.GreaterThanOrEqualTo(2048));
    }

    /// <summary>Pushes <see cref="Count"/> frames, trades and order books in turn, all but the last with a backlog
    /// behind them, and waits for them; returns the delivered sequence (trade ids, book timestamps).</summary>
    private static (List<long> Seen, long[] Threads, int Lagged) Run(bool parallel, CancellationToken cancellationToken)
    {
        var transport = new ManualTransport();
        var options = new UpbitClientOptions
        {
            Scheduler = new TestScheduler(),
            Transport = transport,
            ValidateCodes = false,
            BackfillTrades = false,
            DecodeInParallel = parallel,
        };
        using var client = new UpbitClient(options);
        var seen = new ConcurrentQueue<long>();
        var threads = new ConcurrentDictionary<int, byte>();
        using var all = new ManualResetEventSlim();
        void See(long id)
        {
            threads.TryAdd(Environment.CurrentManagedThreadId, 0);
            seen.Enqueue(id);
            if (seen.Count == Count)
            {
                all.Set();
            }
        }

        using var trades = client.Trade("KRW-BTC").Subscribe(t => See(t.SequentialId));
        using var books = client.Orderbook(15, Book.Level ?? 0m, "KRW-BTC").Subscribe(b => See(b.Timestamp));
        var connection = transport.Take(0, cancellationToken);
        connection.Open();
        var lagged = 0;

        for (var i = 1; i <= Count; i++)
        {
            connection.Push(Frame(i), backlog: i < Count);
            lagged += seen.Count == i ? 0 : 1;
        }

        Assert.That(all.Wait(TimeSpan.FromSeconds(15), cancellationToken), Is.True, $"{seen.Count} of {Count} delivered");
        return ([.. seen], [.. threads.Keys.Select(k => (long)k)], lagged);
    }

    /// <summary>Frame <paramref name="i"/>: a trade with sequential id i when odd, a book stamped i when even.</summary>
    private static byte[] Frame(int i) => i % 2 == 1
        ? FrameEncoder.EncodeUtf8(Sample with { SequentialId = i }, WireFormat.Default)
        : FrameEncoder.EncodeUtf8(Book with { Timestamp = i }, WireFormat.Default);

    private static UpbitMessage Fixture(string name) =>
        UpbitDecoder.Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name))).Messages[0];
}
