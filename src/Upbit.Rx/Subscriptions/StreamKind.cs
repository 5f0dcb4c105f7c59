namespace Upbit.Rx.Subscriptions;

/// <summary>The data types a subscription can name; each maps to one Upbit <c>type</c> value.</summary>
internal enum StreamKind
{
    Ticker,
    Trade,
    Orderbook,
    Candle,
    MyOrder,
    MyAsset,
    Announcement,
}
