namespace Upbit.Rx.Cli.Commands;

/// <summary>What <c>watch</c> shows.</summary>
internal enum WatchStream
{
    Ticker,
    Trade,
    Orderbook,
    Candle,
}
