using System.Globalization;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Market;

/// <summary>The forming candle of one code and period; a trade in a later UTC window starts the next candle.</summary>
internal sealed class CandleState(string code, CandleInterval interval, TimeSpan period)
{
    private static readonly TimeSpan s_kst = TimeSpan.FromHours(9);

    private DateTimeOffset _start = DateTimeOffset.MinValue;
    private decimal _open;
    private decimal _high;
    private decimal _low;
    private decimal _close;
    private decimal _volume;
    private decimal _value;
    private long _timestamp;

    public bool HasCandle => _start != DateTimeOffset.MinValue;

    public void Apply(DateTimeOffset time, decimal price, decimal volume, decimal value)
    {
        var start = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % period.Ticks), TimeSpan.Zero);
        if (start != _start)
        {
            _start = start;
            _open = _high = _low = price;
            _volume = _value = 0m;
        }

        _high = Math.Max(_high, price);
        _low = Math.Min(_low, price);
        _close = price;
        _volume += volume;
        _value += value;
        _timestamp = time.ToUnixTimeMilliseconds();
    }

    public Candle ToCandle(StreamType streamType) => new()
    {
        Code = code,
        Interval = interval,
        CandleDateTimeUtc = Format(_start.UtcDateTime),
        CandleDateTimeKst = Format(_start.UtcDateTime + s_kst),
        OpeningPrice = _open,
        HighPrice = _high,
        LowPrice = _low,
        TradePrice = _close,
        CandleAccTradeVolume = _volume,
        CandleAccTradePrice = _value,
        Timestamp = _timestamp,
        StreamType = streamType,
    };

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
