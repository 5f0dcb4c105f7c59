using System.Diagnostics;
using Upbit.Rx.Testing;
using Upbit.Rx.Server;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// One run, server side: starts the client process, finds its connection on the loopback server, sends the
/// saturated phases with at most <see cref="ClientPlan.Window"/> frames ahead of what the client reports delivered,
/// then the paced phase, and reads the client's <c>RESULT</c> line.
/// </summary>
internal static class ServerRun
{
    public static async Task<ClientResult> RunAsync(LoopbackUpbitServer server, FeedFrames frames, ClientKind kind, ClientPlan plan, CancellationToken cancellation)
    {
        var path = Path.Combine(Path.GetTempPath(), $"upbit-rx-sidebyside-{Environment.ProcessId}.bin");
        using var progress = ProgressFile.Create(path);
        var known = server.Exchange.Connections.Select(c => c.Id).ToHashSet();
        using var child = Process.Start(StartInfo([nameof(ChildClient), kind.ToString(), frames.Feed.ToString(), server.PublicEndpoint.ToString(), path, .. plan.ToArgs()]))
            ?? throw new InvalidOperationException("Could not start the client process.");
        var output = child.StandardOutput.ReadToEndAsync(cancellation);
        var errors = child.StandardError.ReadToEndAsync(cancellation);
        var pushed = 0L;
        try
        {
            var raw = kind.IsBareSocket();
            var sessions = await OpenSessionsAsync(server, known, Connections(kind), raw ? null : frames.Feed, child, cancellation);
            var saturated = (long)plan.Warmup + plan.Measured;
            for (long i = 0; i < saturated; i++)
            {
                var spin = default(SpinWait);
                while (i - progress.Read() >= plan.Window)
                {
                    Wait(ref spin, child, cancellation);
                }

                Session(sessions, frames, i).Push(frames.Stamp(i, Stopwatch.GetTimestamp()), isText: false);
                pushed = i + 1;
            }

            var quiet = default(SpinWait);
            while (progress.Read() < saturated)
            {
                Wait(ref quiet, child, cancellation);
            }

            Pace(sessions, frames, saturated, plan.Paced, plan.Rate, cancellation);
            pushed = saturated + plan.Paced;
            await child.WaitForExitAsync(cancellation).WaitAsync(TimeSpan.FromMinutes(1), cancellation);
            var lines = (await output).Split('\n');
            return lines.Select(ClientResult.TryParse).FirstOrDefault(r => r is not null)
                ?? throw new InvalidOperationException($"{kind}: no result (exit {child.ExitCode}): {await errors}");
        }
        catch (InvalidOperationException e) when (child.HasExited)
        {
            throw new InvalidOperationException($"{kind} on {frames.Feed}: {e.Message} Server pushed {pushed} frames, client reported {progress.Read()} delivered. {await errors}", e);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }

            File.Delete(path);
        }
    }

    /// <summary>Sends <paramref name="count"/> frames at <paramref name="rate"/> per second, in 1 ms bursts.</summary>
    private static void Pace(IReadOnlyList<ExchangeSession> sessions, FeedFrames frames, long from, int count, int rate, CancellationToken cancellation)
    {
        var start = Stopwatch.GetTimestamp();
        var i = from;
        while (i < from + count)
        {
            var due = from + (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate);
            for (; i < Math.Min(due, from + count); i++)
            {
                Session(sessions, frames, i).Push(frames.Stamp(i, Stopwatch.GetTimestamp()), isText: false);
            }

            // NB: a benchmark paces in real time; waiting on the token's handle also ends the wait on cancellation.
            cancellation.WaitHandle.WaitOne(1);
            cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>How many sockets a client of <paramref name="kind"/> opens.</summary>
    public static int Connections(ClientKind kind) => kind == ClientKind.RawDecode3 ? 3 : 1;

    /// <summary>The session frame <paramref name="index"/> goes to: its stream type's socket (the first one on a feed of
    /// one type).</summary>
    private static ExchangeSession Session(IReadOnlyList<ExchangeSession> sessions, FeedFrames frames, long index) =>
        sessions[(int)(frames.TypeOf(index) % sessions.Count)];

    private static void Wait(ref SpinWait spin, Process child, CancellationToken cancellation)
    {
        if (spin.NextSpinWillYield)
        {
            cancellation.ThrowIfCancellationRequested();
            if (child.HasExited)
            {
                throw new InvalidOperationException($"The client process ended early (exit {child.ExitCode}).");
            }
        }

        // NB: past a few spins this yields and then sleeps, leaving the two cores to the server and the client.
        spin.SpinOnce();
    }

    /// <summary>
    /// The sessions of the client's <paramref name="connections"/> new public connections, in the order they opened.
    /// For a client that subscribes (<paramref name="subscribes"/> is its feed; such a client has one connection), only
    /// once its latest subscription request covers every key of the feed (<see cref="RequestCoverage"/>) and its
    /// requests have settled (none for half a second), so every frame is routed and the client's pacer is quiet while
    /// frames are timed.
    /// </summary>
    /// <remarks>NB: settling alone was not enough. 1,000 single-code subscriptions take seconds to make on a loaded
    /// machine, and the client's pacer (5 requests per second) can leave more than half a second between two requests
    /// while they are still being made: the server then started while hundreds of keys were not subscribed yet, their
    /// frames were dropped as unrouted, and the run waited forever for deliveries that could never come.</remarks>
    private static async Task<IReadOnlyList<ExchangeSession>> OpenSessionsAsync(LoopbackUpbitServer server, HashSet<int> known, int connections, FeedKind? subscribes, Process child, CancellationToken cancellation)
    {
        var exchange = server.Exchange;
        var requests = -1;
        var quietSince = Stopwatch.GetTimestamp();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await poll.WaitForNextTickAsync(cancellation))
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"The client process ended before its run (exit {child.ExitCode}).");
            }

            var open = exchange.Connections.Where(c => c.IsOpen && c.Path == ConnectionRecord.PublicPath && !known.Contains(c.Id)).ToList();
            if (open.Count != connections)
            {
                continue;
            }

            var sent = exchange.Requests.Where(r => r.ConnectionId == open[0].Id).ToList();
            if (sent.Count != requests)
            {
                requests = sent.Count;
                quietSince = Stopwatch.GetTimestamp();
            }

            var ready = subscribes is not { } feed
                || (sent.Select(r => RequestCoverage.Covers(r.Text, feed)).LastOrDefault(c => c is not null) == true && Stopwatch.GetElapsedTime(quietSince) > TimeSpan.FromMilliseconds(500));

            // NB: the connection is listed a moment before its session is registered; poll again until it is.
            var sessions = open.OrderBy(c => c.Id).Select(c => exchange.Hub.Find(c.Id)).ToList();
            if (ready && sessions.TrueForAll(s => s is not null))
            {
                return sessions!;
            }
        }

        throw new OperationCanceledException(cancellation);
    }

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ServerRun).Assembly.Location);
        }

        args.ToList().ForEach(info.ArgumentList.Add);
        // NB: diagnostic: every method the child's runtime compiles, in order, to a file of the child's own (the server,
        // this process, must not write to it too, so it is set here rather than inherited).
        if (Environment.GetEnvironmentVariable("UPBIT_RX_SIDEBYSIDE_JITLOG") is { } jitlog)
        {
            info.Environment["DOTNET_JitDisasmSummary"] = "1";
            info.Environment["DOTNET_JitStdOutFile"] = Path.Combine(jitlog, $"{args[1]}-{args[2]}-{Guid.NewGuid():N}.txt");
        }
        return info;
    }
}
