using Upbit.Rx.Streams;

namespace Upbit.Rx.Benchmarks;

/// <summary>
/// The benchmark market: 200 codes that the fake exchange does not list (so its simulator sends nothing for them), and
/// tickers cloned from the recorded realtime sample, round-robin over the codes, whose <see cref="Ticker.Timestamp"/>
/// is the message's sequence number (1, 2, 3, …): strictly increasing per code, so no router drops one as a duplicate,
/// and a key into the send-time table for latency.
/// </summary>
internal static class TickerBatch
{
    public const int CodeCount = 200;

    public static IReadOnlyList<string> Codes { get; } = [.. Enumerable.Range(0, CodeCount).Select(i => $"KRW-T{i:D3}")];

    public static Ticker Sample { get; } = LoadSample();

    /// <summary>Message <paramref name="index"/> (0-based): code <c>index % 200</c>, timestamp <c>index + 1</c>.</summary>
    /// <remarks>NB: the code is a fresh string instance, as a decoded frame's would be, so string comparisons cannot
    /// take the reference-equality shortcut.</remarks>
    public static Ticker Message(long index) =>
        Sample with { Code = new string(Codes[(int)(index % CodeCount)].AsSpan()), Timestamp = index + 1 };

    private static Ticker LoadSample()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ws_ticker_default_realtime_upbit-docs-recipe-java.json");
        return (Ticker)UpbitDecoder.Decode(File.ReadAllBytes(path)).Messages[0];
    }
}
