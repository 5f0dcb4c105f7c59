using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Market;

/// <summary>
/// What a pair remembers for the REST quotation API: its last trades (at most a fixed number; older ones are
/// forgotten, as Upbit serves only recent days) and its candles of every REST period. Not thread-safe.
/// </summary>
internal sealed class TradeHistory
{
    private readonly Ring<Trade> _trades;
    private readonly Dictionary<CandlePeriod, CandleSeries> _candles;

    public TradeHistory(int tradeLimit, int candleLimit)
    {
        _trades = new Ring<Trade>(tradeLimit);
        _candles = CandlePeriod.All.ToDictionary(p => p, p => new CandleSeries(p, candleLimit));
    }

    public void Record(Trade trade, DateTimeOffset time)
    {
        _trades.Add(trade);
        var value = trade.TradePrice * trade.TradeVolume;
        foreach (var series in _candles.Values)
        {
            series.Apply(time, trade.TradePrice, trade.TradeVolume, value, trade.PrevClosingPrice);
        }
    }

    public CandleSeries Candles(CandlePeriod period) => _candles[period];

    /// <summary>Up to <paramref name="count"/> trades, newest first, that pass <paramref name="keep"/>, starting below
    /// the sequential id <paramref name="cursor"/> (exclusive) when one is given.</summary>
    public List<Trade> Newest(int count, long? cursor, Func<Trade, bool> keep)
    {
        var end = cursor is { } id ? _trades.LowerBound(id, t => t.SequentialId) : _trades.Count;
        var result = new List<Trade>(Math.Min(count, end));
        for (var i = end - 1; i >= 0 && result.Count < count; i--)
        {
            if (keep(_trades[i]))
            {
                result.Add(_trades[i]);
            }
        }

        return result;
    }
}
