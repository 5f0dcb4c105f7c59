using Upbit.Rx.Server;

namespace Upbit.Rx.Testing.Rest;

/// <summary>
/// Upbit's REST quotation limits per client: <see cref="FakeExchangeOptions.RestRequestsPerSecond"/> per group in any
/// one-second window (requests with an <c>Origin</c> header: one per 10 s, group <c>origin</c>); a request over it
/// is a 429. <see cref="FakeExchangeOptions.RestBlockAfter"/> 429s within a minute block the client: every request is
/// a 418 until the block ends, and each further block lasts twice as long as the one before. Not thread-safe.
/// </summary>
internal sealed class RestLimiter(FakeExchangeOptions options)
{
    public const string OriginGroup = "origin";
    private static readonly TimeSpan s_strikeWindow = TimeSpan.FromMinutes(1);
    private readonly Dictionary<(string Client, string Group), SlidingWindow> _windows = [];
    private readonly Dictionary<string, ClientRecord> _clients = new(StringComparer.Ordinal);

    /// <summary>Counts a request of <paramref name="group"/> at <paramref name="now"/>.</summary>
    public RestVerdict Admit(string client, string group, DateTimeOffset now)
    {
        var record = _clients.TryGetValue(client, out var found) ? found : _clients[client] = new ClientRecord();
        if (now < record.BlockedUntil)
        {
            return new RestVerdict(418, group, 0, record.BlockedUntil - now);
        }

        var isOrigin = group == OriginGroup;
        if (!_windows.TryGetValue((client, group), out var window))
        {
            window = isOrigin ? new SlidingWindow(1, TimeSpan.FromSeconds(10)) : new SlidingWindow(options.RestRequestsPerSecond, TimeSpan.FromSeconds(1));
            _windows[(client, group)] = window;
        }

        if (window.TryAcquire(now))
        {
            return new RestVerdict(200, group, window.Remaining(now), TimeSpan.Zero);
        }

        record.Strikes.Enqueue(now);
        while (now - record.Strikes.Peek() >= s_strikeWindow)
        {
            record.Strikes.Dequeue();
        }

        if (record.Strikes.Count >= options.RestBlockAfter)
        {
            var duration = options.RestBlockDuration * Math.Pow(2, Math.Min(record.Blocks, 10));
            record.Blocks++;
            record.Strikes.Clear();
            record.BlockedUntil = now + duration;
            return new RestVerdict(418, group, 0, duration);
        }

        return new RestVerdict(429, group, 0, TimeSpan.Zero);
    }

    private sealed class ClientRecord
    {
        public Queue<DateTimeOffset> Strikes { get; } = new();

        public int Blocks { get; set; }

        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
