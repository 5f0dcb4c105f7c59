namespace Upbit.Rx.Server;

/// <summary>The data types a type object can name.</summary>
internal enum DataType
{
    Ticker,
    Trade,
    Orderbook,
    Candle,
    MyOrder,
    MyAsset,
    Announcement,
}
