namespace Upbit.Rx.Streams;

/// <summary>The candle periods Upbit streams (<c>candle.1s</c> … <c>candle.240m</c>).</summary>
public enum CandleInterval
{
    /// <summary><c>candle.1s</c>.</summary>
    OneSecond,

    /// <summary><c>candle.1m</c>.</summary>
    OneMinute,

    /// <summary><c>candle.3m</c>.</summary>
    ThreeMinutes,

    /// <summary><c>candle.5m</c>.</summary>
    FiveMinutes,

    /// <summary><c>candle.10m</c>.</summary>
    TenMinutes,

    /// <summary><c>candle.15m</c>.</summary>
    FifteenMinutes,

    /// <summary><c>candle.30m</c>.</summary>
    ThirtyMinutes,

    /// <summary><c>candle.60m</c>.</summary>
    SixtyMinutes,

    /// <summary><c>candle.240m</c>.</summary>
    TwoHundredFortyMinutes,
}
