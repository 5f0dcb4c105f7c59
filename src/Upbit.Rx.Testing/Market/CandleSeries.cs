namespace Upbit.Rx.Testing.Market;

/// <summary>The candles of one pair and one <see cref="CandlePeriod"/>, oldest first, at most a fixed number of them.
/// A candle exists only for windows that had a trade, so series have gaps, as Upbit's do. Not thread-safe.</summary>
internal sealed class CandleSeries(CandlePeriod period, int capacity)
{
    private readonly Ring<CandleBar> _bars = new(capacity);

    public CandlePeriod Period => period;

    public void Apply(DateTimeOffset time, decimal price, decimal volume, decimal value, decimal prevClose)
    {
        var start = period.WindowStart(time.UtcDateTime);
        var millisecond = time.ToUnixTimeMilliseconds();
        if (_bars.Count > 0 && _bars[_bars.Count - 1].Start == start)
        {
            var bar = _bars[_bars.Count - 1];
            _bars[_bars.Count - 1] = bar with
            {
                High = Math.Max(bar.High, price),
                Low = Math.Min(bar.Low, price),
                Close = price,
                Volume = bar.Volume + volume,
                Value = bar.Value + value,
                Timestamp = millisecond,
            };
            return;
        }

        _bars.Add(new CandleBar(start, price, price, price, price, volume, value, millisecond, prevClose));
    }

    /// <summary>Up to <paramref name="count"/> candles that start before <paramref name="to"/>, newest first.</summary>
    public List<CandleBar> Before(DateTime to, int count)
    {
        var end = _bars.LowerBound(to, b => b.Start);
        var result = new List<CandleBar>(Math.Min(count, end));
        for (var i = end - 1; i >= 0 && result.Count < count; i--)
        {
            result.Add(_bars[i]);
        }

        return result;
    }

    /// <summary>The candle whose window starts at <paramref name="start"/>, if kept.</summary>
    public CandleBar? At(DateTime start)
    {
        var index = _bars.LowerBound(start, b => b.Start);
        return index < _bars.Count && _bars[index].Start == start ? _bars[index] : null;
    }
}
