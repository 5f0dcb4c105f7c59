namespace Upbit.Rx.IntegrationTests.Soak;

/// <summary>
/// One soak scenario: how many codes trade how often on the loopback exchange, how long the run lasts and how often the
/// server drops the client's socket.
/// </summary>
/// <param name="Codes">Listed pairs; each is subscribed for ticker, trade and 30-unit order book.</param>
/// <param name="TickInterval">The market's tick: one trade, one ticker and one book per code per tick.</param>
/// <param name="Duration">How long the socket is dropped periodically (the run then drains and compares).</param>
/// <param name="DropEvery">The time between two drops.</param>
/// <param name="Seed">The seed of the market and of the client's reconnect jitter.</param>
/// <param name="Backfill">The client's <see cref="UpbitClientOptions.BackfillTrades"/>: off, the run measures what an outage costs without it.</param>
/// <param name="RefuseAfterDrop">Connection attempts the server refuses (HTTP 429) after each drop, to make outages long
/// enough for the REST fallback (<see cref="UpbitClientOptions.FallbackAfter"/>).</param>
internal sealed record SoakPlan(int Codes, TimeSpan TickInterval, TimeSpan Duration, TimeSpan DropEvery, int Seed = 11, bool Backfill = true, int RefuseAfterDrop = 0)
{
    /// <summary>Messages per second the subscribed channels carry: a trade, a ticker and a book per code per tick.</summary>
    public double MessagesPerSecond => Codes * 3 / TickInterval.TotalSeconds;

    /// <summary>The pair codes, <c>KRW-S000</c>, <c>KRW-S001</c>, ….</summary>
    public IReadOnlyList<string> CodeList => [.. Enumerable.Range(0, Codes).Select(i => $"KRW-S{i:000}")];
}
