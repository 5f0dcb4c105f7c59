namespace Upbit.Rx.Streams;

/// <summary>
/// The candle periods: those Upbit streams (<c>candle.1s</c> … <c>candle.240m</c>) and, after them, those only its REST API
/// serves (<see cref="OneDay"/>, <see cref="OneWeek"/>, <see cref="OneMonth"/>, <see cref="OneYear"/>).
/// </summary>
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

    /// <summary>Days (<c>/v1/candles/days</c>), REST only: <see cref="UpbitClient.Candle"/> refuses it.</summary>
    OneDay,

    /// <summary>Weeks (<c>/v1/candles/weeks</c>), REST only.</summary>
    OneWeek,

    /// <summary>Months (<c>/v1/candles/months</c>), REST only.</summary>
    OneMonth,

    /// <summary>Years (<c>/v1/candles/years</c>), REST only.</summary>
    OneYear,
}
