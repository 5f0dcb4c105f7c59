namespace Upbit.Rx.Testing;

/// <summary>Settings of a <see cref="MarketSimulator"/>: which markets exist and how busy they are.</summary>
public sealed record MarketSimulatorOptions
{
    /// <summary>The listed pair codes (upper case, e.g. <c>KRW-BTC</c>). Codes not listed here are "unknown" and are
    /// ignored silently by the exchange, as Upbit does. Well-known codes start at a realistic price; others at a price
    /// derived from <see cref="Seed"/>.</summary>
    /// <value>Default KRW-BTC, KRW-ETH, KRW-XRP, BTC-ETH, USDT-BTC.</value>
    public IReadOnlyList<string> Codes { get; init; } = ["KRW-BTC", "KRW-ETH", "KRW-XRP", "BTC-ETH", "USDT-BTC"];

    /// <summary>The seed of the price path; the same seed and the same scheduler times give the same market.</summary>
    /// <value>Default 20261122.</value>
    public int Seed { get; init; } = 20261122;

    /// <summary>The time between market ticks. Each tick trades every code <see cref="TradesPerTick"/> times and
    /// refreshes its ticker, order book and candles.</summary>
    /// <value>Default 500 ms.</value>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Trades per code per tick; raise it (with a short <see cref="TickInterval"/>) for throughput tests.</summary>
    /// <value>Default 1.</value>
    public int TradesPerTick { get; init; } = 1;

    /// <summary>How long the market ticks, counted from its creation: after the last tick due within this span the
    /// simulator schedules nothing more, so a <c>TestScheduler</c> runs out of work and <c>Start()</c> returns. Prices,
    /// books and candles then stay as the last tick left them, and snapshots still answer. <see langword="null"/> ticks
    /// until the simulator is disposed (then <c>Start()</c> never returns; advance with <c>AdvanceBy</c>/<c>AdvanceTo</c>).</summary>
    /// <value>Default <see langword="null"/> (no horizon).</value>
    public TimeSpan? Horizon { get; init; }

    /// <summary>Where virtual time starts. A scheduler whose clock reads before 2000-01-01 (a <c>TestScheduler</c>
    /// starts at 0001-01-01) is treated as virtual: its time zero maps to this instant in every timestamp, date and
    /// candle window. Real clocks are used as they are.</summary>
    /// <value>Default 2026-09-01T00:00:00Z.</value>
    public DateTimeOffset VirtualEpoch { get; init; } = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How many trades per code the market remembers for the REST <c>/v1/trades/ticks</c> endpoint (cursor
    /// and <c>days_ago</c> paging); older trades are forgotten, as Upbit serves only recent days.</summary>
    /// <value>Default 20,000 (about 2.8 hours at the default two trades per second).</value>
    public int TradeHistoryLimit { get; init; } = 20_000;

    /// <summary>How many candles per code and REST period (seconds, each minute unit, days, weeks, months, years) the
    /// market remembers for the REST candle endpoints.</summary>
    /// <value>Default 5,000.</value>
    public int CandleHistoryLimit { get; init; } = 5_000;

    /// <summary>How long the market has already been trading when it starts: it replays this span of ticks before
    /// the clock's start, so REST history (trades, candles) exists from the first moment. The replayed ticks are not
    /// published on <c>Messages</c>. Costs one trade per code per tick at construction.</summary>
    /// <value>Default <see cref="TimeSpan.Zero"/> (no history: each pair's first trade is at the start).</value>
    public TimeSpan History { get; init; } = TimeSpan.Zero;
}
