namespace Upbit.Rx.Streams;

/// <summary>
/// Anything one Upbit frame can hold: market data (<see cref="Ticker"/>, <see cref="Trade"/>, <see cref="Orderbook"/>,
/// <see cref="Candle"/>), private data (<see cref="MyOrder"/>, <see cref="MyAsset"/>, <see cref="Announcement"/>)
/// and control messages (<see cref="ServerStatus"/>, <see cref="ServerError"/>, <see cref="SubscriptionList"/>,
/// <see cref="UnknownMessage"/>). Records are immutable values with value equality.
/// </summary>
/// <remarks>
/// Naming of times: a wire <c>*_timestamp</c> in Unix milliseconds is kept as a <see cref="long"/>
/// (<c>Timestamp</c>, <c>TradeTimestamp</c>, …) and has a <see cref="DateTimeOffset"/> companion in UTC:
/// <c>Timestamp</c> → <c>Time</c>, <c>TradeTimestamp</c> → <c>TradedAt</c>, <c>OrderTimestamp</c> → <c>OrderedAt</c>,
/// <c>AssetTimestamp</c> → <c>AssetsChangedAt</c>. Date and time strings are kept exactly as sent.
/// </remarks>
public abstract record UpbitMessage;
