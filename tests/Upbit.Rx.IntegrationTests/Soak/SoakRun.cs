using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reactive.Linq;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Soak;

/// <summary>
/// The loopback soak of issue 11: a <see cref="LoopbackUpbitServer"/> on 127.0.0.1 runs its market at the plan's rate, a
/// real <see cref="UpbitClient"/> (default options, only pointed at the server) subscribes ticker, trade and order book of
/// every code, and the server drops the client's public socket every <see cref="SoakPlan.DropEvery"/>. At the end the
/// trades the client delivered are compared with the exchange's own trade log.
/// </summary>
internal static class SoakRun
{
    /// <summary>How long the client may take, after the last drop's recovery, to deliver every trade up to the cut.</summary>
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(60);

    /// <summary>How long the first trade of every code may take to arrive after subscribing.</summary>
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(30);

    public static async Task<SoakResult> RunAsync(SoakPlan plan, Action<string> progress, CancellationToken cancellationToken)
    {
        var codes = plan.CodeList;
        var loadStart = LoadAverage();
        var exchangeOptions = new FakeExchangeOptions
        {
            // NB: the exchange keeps 2,000 trades per code for REST (100 s at 20 a second), far more than one outage needs,
            // and few candles (none is subscribed): its default history rings take about 350 MB for 50 codes and its trade
            // history would grow through the run, both of which would hide the client's heap in the figures.
            Market = new MarketSimulatorOptions
            {
                Codes = codes,
                TickInterval = plan.TickInterval,
                Seed = plan.Seed,
                TradeHistoryLimit = 2_000,
                CandleHistoryLimit = 16,
            },
        };
        await using var server = await LoopbackUpbitServer.StartAsync(exchangeOptions, cancellationToken: cancellationToken);
        var exchange = server.Exchange;
        var ledger = new TradeLedger(codes);
        var clock = new ReconnectClock();
        long producedWhileDown = 0;
        using var log = exchange.Market.Messages.OfType<Trade>().Subscribe(trade =>
        {
            ledger.Produced(trade);
            if (clock.IsDown)
            {
                Interlocked.Increment(ref producedWhileDown);
            }
        });
        foreach (var code in codes)
        {
            ledger.Produced(exchange.Market.Trade(code));
        }

        await using var client = new UpbitClient(new UpbitClientOptions
        {
            PublicEndpoint = server.PublicEndpoint,
            PrivateEndpoint = server.PrivateEndpoint,
            RandomSeed = plan.Seed,
            BackfillTrades = plan.Backfill,
        });
        using var states = client.ConnectionStates.Subscribe(clock.OnState);
        var gaps = new ConcurrentQueue<string>();
        using var errors = client.Errors.Where(e => e.Kind == UpbitErrorKind.TradeGap).Subscribe(e => gaps.Enqueue(e.Message));
        var started = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var trades = client.Trade(codes).Subscribe(trade =>
        {
            ledger.Delivered(trade);
            if (started.TryAdd(trade.Code, true) && started.Count == codes.Count)
            {
                allStarted.TrySetResult();
            }
        });
        long tickers = 0;
        long books = 0;
        long polled = 0;
        using var tickerSubscription = client.Ticker(codes).Subscribe(ticker =>
        {
            Interlocked.Increment(ref tickers);
            if (ticker.StreamType == StreamType.Rest)
            {
                Interlocked.Increment(ref polled);
            }
        });
        using var bookSubscription = client.Orderbook(codes).Subscribe(book =>
        {
            Interlocked.Increment(ref books);
            if (book.StreamType == StreamType.Rest)
            {
                Interlocked.Increment(ref polled);
            }
        });
        await allStarted.Task.WaitAsync(StartBound, cancellationToken);

        var heapStart = Heap();
        var workingSetStart = WorkingSet();
        progress($"started: {codes.Count} codes, heap {heapStart / 1048576.0:0.0} MiB, load {loadStart}");
        var elapsed = Stopwatch.StartNew();
        var drops = 0;
        var heap = new List<long>();
        using (var timer = new PeriodicTimer(plan.DropEvery))
        {
            while (await timer.WaitForNextTickAsync(cancellationToken) && elapsed.Elapsed < plan.Duration - TimeSpan.FromMilliseconds(100))
            {
                if (exchange.Connections.LastOrDefault(c => c.Path == ConnectionRecord.PublicPath && c.IsOpen) is not { } open)
                {
                    progress($"{elapsed.Elapsed.TotalSeconds:0} s: no open public connection to drop");
                    continue;
                }

                heap.Add(Heap());
                clock.Dropping();
                exchange.RefuseNextConnections(plan.RefuseAfterDrop);
                exchange.Drop(open.Id);
                drops++;
                progress($"{elapsed.Elapsed.TotalSeconds:0} s: dropped connection {open.Id}; heap {heap[^1] / 1048576.0:0.0} MiB, backfilled so far {client.GetHealth().TradesBackfilled}");
            }
        }

        var (cut, drained) = ledger.Cut();
        var drain = Stopwatch.StartNew();
        var complete = true;
        try
        {
            await drained.WaitAsync(DrainBound, cancellationToken);
        }
        catch (TimeoutException)
        {
            complete = false;
        }

        var drainTime = drain.Elapsed;
        var counts = ledger.Compare(cut);
        var health = client.GetHealth();
        var rest = exchange.RestRequests.Where(r => r.PathAndQuery.StartsWith("/v1/trades/ticks", StringComparison.Ordinal)).ToList();
        return new SoakResult
        {
            Plan = plan,
            Trades = counts,
            Drained = complete,
            DrainTime = drainTime,
            Drops = drops,
            Recoveries = clock.Recoveries,
            ProducedWhileDown = Volatile.Read(ref producedWhileDown),
            TradesBackfilled = health.TradesBackfilled,
            HealthTradeGaps = health.TradeGaps,
            GapReports = [.. gaps],
            DuplicatesDropped = health.DuplicatesDropped,
            Reconnects = health.Reconnects,
            FallbackStates = clock.FallbackStates,
            TradeRestRequests = rest.Count,
            RestRefusals = [.. exchange.RestRequests.Where(r => r.Status != 200).GroupBy(r => (r.Status, r.Group)).Select(g => $"{g.Key.Status} x{g.Count()} ({g.Key.Group})")],
            HeapSamples = heap,
            Tickers = Interlocked.Read(ref tickers),
            Books = Interlocked.Read(ref books),
            Polled = Interlocked.Read(ref polled),
            MessagesReceived = health.MessagesReceived,
            Elapsed = elapsed.Elapsed,
            HeapStart = heapStart,
            HeapEnd = Heap(),
            WorkingSetStart = workingSetStart,
            WorkingSetEnd = WorkingSet(),
            LoadStart = loadStart,
            LoadEnd = LoadAverage(),
        };
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
