using Upbit.Rx.Streams;

namespace Upbit.Rx.Subscriptions;

/// <summary>
/// One wire subscription: what the registry ref-counts and the router routes by.
/// </summary>
/// <param name="Kind">The data type.</param>
/// <param name="Code">The pair code in upper case; empty for <see cref="StreamKind.MyAsset"/> and for
/// <see cref="StreamKind.MyOrder"/> over all markets.</param>
/// <param name="OrderbookUnits">Orderbook only: 1, 5, 15 or 30 units (0 for other kinds).</param>
/// <param name="OrderbookLevel">Orderbook only: the price-grouping level (0 = tick size).</param>
/// <param name="Interval">Candle only: the candle period.</param>
/// <param name="IncludeBody">Announcement only: whether the subscriber wants the notice body (<c>include_body</c>).</param>
/// <remarks>For <see cref="StreamKind.Announcement"/>, <paramref name="Code"/> holds the category (<c>trade</c>, …), or
/// is empty for every category.</remarks>
internal readonly record struct StreamKey(
    StreamKind Kind,
    string Code,
    int OrderbookUnits = 0,
    decimal OrderbookLevel = 0m,
    CandleInterval Interval = CandleInterval.OneSecond,
    bool IncludeBody = false)
{
    public static StreamKey Ticker(string code) => new(StreamKind.Ticker, code);

    public static StreamKey Trade(string code) => new(StreamKind.Trade, code);

    public static StreamKey Orderbook(string code, int units = 30, decimal level = 0m) => new(StreamKind.Orderbook, code, units, level);

    public static StreamKey Candle(string code, CandleInterval interval) => new(StreamKind.Candle, code, Interval: interval);

    public static StreamKey MyOrder(string code = "") => new(StreamKind.MyOrder, code);

    public static StreamKey MyAsset() => new(StreamKind.MyAsset, string.Empty);

    public static StreamKey Announcement(string category = "", bool includeBody = false) => new(StreamKind.Announcement, category, IncludeBody: includeBody);

    /// <summary>Whether this key is served by the private endpoint.</summary>
    public bool IsPrivate => Kind is StreamKind.MyOrder or StreamKind.MyAsset or StreamKind.Announcement;
}
