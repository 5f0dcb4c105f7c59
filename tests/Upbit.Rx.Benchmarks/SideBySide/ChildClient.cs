using System.Globalization;
using System.Net.WebSockets;
using Upbit.Rx.Streams;
using Upbit.Rx.WebsocketClient;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// The client process of one run: <c>sidebyside-client kind feed endpoint progress-file warmup measured paced rate
/// window</c>. Connects, subscribes, counts deliveries until the plan is done, prints one <c>RESULT</c> line and exits.
/// </summary>
internal static class ChildClient
{
    public static int Run(string[] args)
    {
        var kind = Enum.Parse<ClientKind>(args[0]);
        var feed = Enum.Parse<FeedKind>(args[1]);
        var endpoint = new Uri(args[2]);
        var plan = ClientPlan.Parse(args.AsSpan(4));
        using var progress = ProgressFile.Open(args[3]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var probe = new ClientProbe(plan, progress);
        var run = kind is ClientKind.Raw or ClientKind.RawDecode or ClientKind.RawDecode3
            ? RunRawAsync(kind, endpoint, probe, plan, timeout.Token)
            : RunRxAsync(kind, feed, endpoint, probe, timeout.Token);
        var result = run.GetAwaiter().GetResult();
        Console.Out.WriteLine(result.ToLine());
        Console.Out.Flush();
        return 0;
    }

    private static async Task<ClientResult> RunRawAsync(ClientKind kind, Uri endpoint, ClientProbe probe, ClientPlan plan, CancellationToken cancellation)
    {
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

            var decode = kind != ClientKind.Raw;
            var pacedFrom = plan.Warmup + plan.Measured;
            var receiving = sockets.Count == 1
                ? [ReceiveAsync(sockets[0], probe.Deliver, decode, pacedFrom, cancellation)]
                : sockets.Select(s => ReceiveAsync(s, probe.DeliverShared, decode, pacedFrom, cancellation)).ToArray();
            await probe.Done.WaitAsync(cancellation);
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
    private static async Task ReceiveAsync(ClientWebSocket socket, Action<long> deliver, bool decode, long pacedFrom, CancellationToken cancellation)
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
    private static long Stamp(ReadOnlySpan<byte> frame, bool decode, bool paced)
    {
        if (decode)
        {
            var decoded = UpbitDecoder.Decode(frame);
            return decoded.IsSuccess ? ((IMarketMessage)decoded.Messages[0]).Timestamp - FeedFrames.StampBase : throw new InvalidDataException(decoded.Error);
        }

        return paced ? FeedFrames.ReadStamp(frame) : 0;
    }

    private static async Task<ClientResult> RunRxAsync(ClientKind kind, FeedKind feed, Uri endpoint, ClientProbe probe, CancellationToken cancellation)
    {
        if (kind == ClientKind.Rx1Pipelined)
        {
            AppContext.SetSwitch(Connection.FramePipeline.PipelinedSwitch, true);
        }

        var options = new UpbitClientOptions
        {
            PublicEndpoint = endpoint,
            Compression = kind == ClientKind.RxDeflate,
            Transport = kind == ClientKind.WsClient ? new WebsocketClientTransport() : null,

            // NB: the side-by-side server speaks only the socket; every REST path is off so a child never reaches for a
            // host other than the loopback server (codes are the benchmark's own, trades are not backfilled).
            ValidateCodes = false,
            BackfillTrades = false,
            FallbackAfter = null,
        };
        await using var client = new UpbitClient(options);

        // NB: a run that stalls says why: its connection states and errors go to standard error, which the server
        // process prints when a run fails.
        using var states = client.ConnectionStates.Subscribe(s => Console.Error.WriteLine(s));
        using var errors = client.Errors.Subscribe(e => Console.Error.WriteLine(e));
        var subscriptions = RxSubscribers.Subscribe(client, feed, kind == ClientKind.Rx1000 ? 1_000 : 1, probe);
        await probe.Done.WaitAsync(cancellation);
        var result = Measure(probe, probe.Plan);
        subscriptions.ForEach(s => s.Dispose());
        return result;
    }

    private static ClientResult Measure(ClientProbe probe, ClientPlan plan)
    {
        var (start, end) = (probe.Start, probe.End);
        var measured = plan.Measured > 0;
        var count = measured ? plan.Measured : Math.Max(1, plan.Paced - 1);
        var seconds = measured ? (end.Stamp - start.Stamp) / (double)System.Diagnostics.Stopwatch.Frequency : 0;
        var p = probe.Percentiles();
        var memory = GC.GetGCMemoryInfo();
        return new ClientResult(
            measured ? plan.Measured / seconds : 0,
            (end.Cpu - start.Cpu).TotalMicroseconds / count,
            (end.Allocated - start.Allocated) / (double)count,
            p[0],
            p[1],
            p[2],
            p[3],
            Environment.WorkingSet / 1048576.0,
            AnonymousResidentKb() / 1024.0,
            memory.HeapSizeBytes / 1048576.0,
            memory.TotalCommittedBytes / 1048576.0,
            end.Gen0 - start.Gen0,
            end.Gen2 - start.Gen2,
            (end.PoolItems - start.PoolItems) / (double)count);
    }

    /// <summary><c>RssAnon</c> from <c>/proc/self/status</c>, in KB; 0 where there is no such file.</summary>
    private static long AnonymousResidentKb()
    {
        const string Path = "/proc/self/status";
        if (!File.Exists(Path))
        {
            return 0;
        }

        var line = File.ReadLines(Path).FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
