namespace Upbit.Rx.Testing.Market;

/// <summary>The REST candle families (<c>/v1/candles/{kind}</c>).</summary>
internal enum CandlePeriodKind
{
    Seconds,
    Minutes,
    Days,
    Weeks,
    Months,
    Years,
}
