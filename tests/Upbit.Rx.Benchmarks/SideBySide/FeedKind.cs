namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>What the server sends: 200 codes of one type, or all three types interleaved.</summary>
internal enum FeedKind
{
    /// <summary>Tickers, round-robin over 200 codes.</summary>
    Tickers,

    /// <summary>30-unit order books, round-robin over 200 codes.</summary>
    Orderbooks,

    /// <summary>Ticker, trade and order book in turn, round-robin over 200 codes (600 keys).</summary>
    Mix,
}
