using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;
using Upbit.Rx.Transport;
using Upbit.Rx.WebsocketClient;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// The client process of one run: <c>sidebyside-client kind feed endpoint progress-file warmup measured paced rate
/// window</c>. Connects, subscribes, counts deliveries until the plan is done, prints one <c>RESULT</c> line and exits.
/// </summary>
internal static class ChildClient
{
    /// <summary>How long deliveries may stop before a run is declared stalled (checked at this period, so a stall is
    /// reported after one to two periods).</summary>
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(20);

    public static int Run(string[] args)
    {
        var kind = Enum.Parse<ClientKind>(args[0]);
        var feed = Enum.Parse<FeedKind>(args[1]);
        var endpoint = new Uri(args[2]);
        var plan = ClientPlan.Parse(args.AsSpan(4));
        using var progress = ProgressFile.Open(args[3]);
        // NB: two minutes for connecting, warming up and the saturated phases, plus twice the paced phase's own length,
        // so a long memory run (minutes at Upbit's real rate) is not cut off just before its end.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(2.0 * plan.Paced / Math.Max(1, plan.Rate)));
        var probe = new ClientProbe(plan, progress) { Label = $"{kind} {feed}" };
        var run = kind.IsBareSocket()
            ? RunRawAsync(kind, feed, endpoint, probe, plan, timeout.Token)
            : RunRxAsync(kind, feed, endpoint, probe, timeout.Token);
        ClientResult result;
        try
        {
            result = run.GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            // NB: the stall report is on standard error already; the server prints it with the exit code.
            return 3;
        }

        Console.Out.WriteLine(result.ToLine());
        Console.Out.Flush();
        return 0;
    }

    private static async Task<ClientResult> RunRawAsync(ClientKind kind, FeedKind feed, Uri endpoint, ClientProbe probe, ClientPlan plan, CancellationToken cancellation)
    {
        var keys = FeedKeys.Of(feed);
        var tally = new DeliveryTally(keys.Names);
        var sockets = new List<ClientWebSocket>();
        try
        {
            // NB: the server pairs the sockets with the stream types in the order it sees them open, so they connect
            // one after the other.
            for (var i = 0; i < ServerRun.Connections(kind); i++)
            {
                var socket = new ClientWebSocket();
                sockets.Add(socket);
                await socket.ConnectAsync(endpoint, cancellation);
            }

            var decode = kind == ClientKind.Raw ? null : new Decoding(keys, tally, keep: kind == ClientKind.RawDecodeKeep);
            var pacedFrom = plan.Warmup + plan.Measured;
            var receiving = sockets.Count == 1
                ? [ReceiveAsync(sockets[0], probe.Deliver, decode, pacedFrom, cancellation)]
                : sockets.Select(s => ReceiveAsync(s, probe.DeliverShared, decode, pacedFrom, cancellation)).ToArray();
            await WatchAsync(probe, () => $"{kind} receive loops {(receiving.All(r => r.IsCompleted) ? "ended" : "running")}; {tally.Describe()}", cancellation);
            var result = Measure(probe, plan);
            sockets.ForEach(s => s.Abort());
            await Task.WhenAll(receiving.Select(r => Task.WhenAny(r)));
            return result;
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    /// <summary>One socket's receive loop. NB: the loop's own count tells the paced phase only to the raw client, which
    /// has one socket; the decoding clients take every frame's stamp from the decoded record.</summary>
    private static async Task ReceiveAsync(ClientWebSocket socket, Action<long> deliver, Decoding? decode, long pacedFrom, CancellationToken cancellation)
    {
        var buffer = new byte[1 << 20];
        var length = 0;
        long received = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                deliver(Stamp(buffer.AsSpan(0, length), decode, received++ >= pacedFrom));
                length = 0;
            }
        }
    }

    /// <summary>The raw client reads the stamp of paced frames only; raw + decode takes it from the decoded record.</summary>
    private static long Stamp(ReadOnlySpan<byte> frame, Decoding? decode, bool paced)
    {
        if (decode is not null)
        {
            var decoded = UpbitDecoder.Decode(frame);
            return decoded.IsSuccess ? decode.Count((IMarketMessage)decoded.Messages[0]) : throw new InvalidDataException(decoded.Error);
        }

        return paced ? FeedFrames.ReadStamp(frame) : 0;
    }

    /// <summary>
    /// What a raw + decode client does with each decoded message besides handing its stamp to the probe: the same
    /// per-key bookkeeping as an Upbit.Rx client's subscriber (<see cref="RxSubscribers"/>: the callback's enter and
    /// leave, the key's count), so the harness costs both sides the same per message and the ratio between them is the
    /// library's alone. With <c>keep</c> it also holds the latest message of each key (<see cref="ClientKind.RawDecodeKeep"/>).
    /// </summary>
    private sealed class Decoding(FeedKeys keys, DeliveryTally tally, bool keep)
    {
        private readonly IMarketMessage?[]? _latest = keep ? new IMarketMessage?[keys.Names.Length] : null;

        public long Count(IMarketMessage message)
        {
            tally.Enter();
            try
            {
                var stamp = message.Timestamp - FeedFrames.StampBase;
                var type = message switch
                {
                    Ticker => StreamKind.Ticker,
                    Trade => StreamKind.Trade,
                    _ => StreamKind.Orderbook,
                };
                var key = keys.IndexOf(type, message.Code);
                tally.First(key);
                if (_latest is not null)
                {
                    // NB: one receive loop per decoding instance of this kind, so a plain store; the array is what keeps
                    // the value alive, as a dashboard's or a strategy's current-state table would.
                    _latest[key] = message;
                }

                return stamp;
            }
            finally
            {
                tally.Leave();
            }
        }
    }

    private static async Task<ClientResult> RunRxAsync(ClientKind kind, FeedKind feed, Uri endpoint, ClientProbe probe, CancellationToken cancellation)
    {
        var options = new UpbitClientOptions
        {
            PublicEndpoint = endpoint,
            Compression = kind == ClientKind.RxDeflate,
            DecodeInParallel = kind is not (ClientKind.Rx1Inline or ClientKind.Rx1000Inline),
            Transport = kind == ClientKind.WsClient ? NewWebsocketClientTransport() : null,

            // NB: the side-by-side server speaks only the socket; every REST path is off so a child never reaches for a
            // host other than the loopback server (codes are the benchmark's own, trades are not backfilled).
            ValidateCodes = false,
            BackfillTrades = false,
            FallbackAfter = null,
        };
        await using var client = new UpbitClient(options);

        // NB: a run that stalls says why: its connection states and errors go to standard error, which the server
        // process prints when a run fails. They are kept until the run ends and written then: writing them as they
        // come set up the console (a signal-handling thread, its assembly's code) in the middle of the memory the
        // run measures.
        var said = new ConcurrentQueue<string>();
        using var states = client.ConnectionStates.Subscribe(s => said.Enqueue(s.ToString()));
        using var errors = client.Errors.Subscribe(e => said.Enqueue(e.ToString()));
        try
        {
            return await MeasureRxAsync(client, kind, feed, probe, cancellation);
        }
        finally
        {
            while (said.TryDequeue(out var line))
            {
                Console.Error.WriteLine(line);
            }
        }
    }

    /// <summary>NB: a method of its own, so the other kinds never load the Websocket.Client transport's assembly.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static UpbitTransport NewWebsocketClientTransport() => new WebsocketClientTransport();

    private static async Task<ClientResult> MeasureRxAsync(UpbitClient client, ClientKind kind, FeedKind feed, ClientProbe probe, CancellationToken cancellation)
    {
        var subscribeWatch = Stopwatch.StartNew();
        var subscriptions = RxSubscribers.Subscribe(client, feed, kind is ClientKind.Rx1000 or ClientKind.Rx1000Inline ? 1_000 : 1, probe, out var tally);
        var subscribeMs = subscribeWatch.Elapsed.TotalMilliseconds;
        await WatchAsync(probe, () => $"subscribe {subscribeMs:0} ms; {Describe(client, tally)}", cancellation);
        var result = Measure(probe, probe.Plan);
        subscriptions.ForEach(s => s.Dispose());
        return result;
    }

    /// <summary>
    /// Waits for the plan to complete. A run whose deliveries stop for <see cref="StallAfter"/> prints where the frames
    /// went (the client's counters at each stage and the per-key tally) to standard error and fails, instead of
    /// waiting out its two minutes.
    /// </summary>
    private static async Task WatchAsync(ClientProbe probe, Func<string> describe, CancellationToken cancellation)
    {
        var last = -1L;
        while (true)
        {
            // NB: a benchmark waits in real time; only a stall, never a slow run, is cut short.
            var done = await Task.WhenAny(probe.Done, Task.Delay(StallAfter, cancellation));
            if (done == probe.Done)
            {
                return;
            }

            cancellation.ThrowIfCancellationRequested();
            var delivered = probe.Delivered;
            if (delivered == last)
            {
                var report = $"stalled: probe {delivered} of {probe.Plan.Total}; {describe()}";
                Console.Error.WriteLine(report);
                throw new TimeoutException(report);
            }

            last = delivered;
        }
    }

    /// <summary>The client's counters, stage by stage: frames received, messages decoded and routed, duplicates,
    /// unrouted messages, requests, then what the subscribers got.</summary>
    private static string Describe(UpbitClient client, DeliveryTally tally)
    {
        var h = client.GetHealth();
        return string.Create(CultureInfo.InvariantCulture, $"frames {h.FramesReceived}, messages routed {h.MessagesReceived}, duplicates dropped {h.DuplicatesDropped}, unrouted {client.Router.Unrouted}, decode errors {h.DecodeErrors}, subscriber errors {h.SubscriberErrors}, server errors {h.ServerErrors}, requests {h.RequestsSent}, pacer waits {h.PacerWaits}, reconnects {h.Reconnects}; {tally.Describe()}");
    }

    private static ClientResult Measure(ClientProbe probe, ClientPlan plan)
    {
        var (start, end) = (probe.Start, probe.End);
        var measured = plan.Measured > 0;
        var count = measured ? plan.Measured : Math.Max(1, plan.Paced - 1);
        var seconds = measured ? (end.Stamp - start.Stamp) / (double)Stopwatch.Frequency : 0;
        // NB: memory first: the percentiles sort a copy of the latency series (8 bytes a paced message), which is the
        // harness's, and on a long memory run it would be counted as the client's.
        var memory = GC.GetGCMemoryInfo();
        var (workingSet, anonymous) = (Environment.WorkingSet / 1048576.0, Resident.AnonymousKb() / 1024.0);
        var p = probe.Percentiles();
        return new ClientResult(
            measured ? plan.Measured / seconds : 0,
            (end.Cpu - start.Cpu).TotalMicroseconds / count,
            (end.Allocated - start.Allocated) / (double)count,
            p[0],
            p[1],
            p[2],
            p[3],
            workingSet,
            anonymous,
            memory.HeapSizeBytes / 1048576.0,
            memory.TotalCommittedBytes / 1048576.0,
            end.Gen0 - start.Gen0,
            end.Gen2 - start.Gen2,
            (end.PoolItems - start.PoolItems) / (double)count);
    }
}
