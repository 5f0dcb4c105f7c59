using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Engine;

/// <summary>The <c>candle.*</c> type names and their periods.</summary>
internal static class CandleNames
{
    private static readonly (string Name, CandleInterval Interval, TimeSpan Period)[] s_all =
    [
        ("candle.1s", CandleInterval.OneSecond, TimeSpan.FromSeconds(1)),
        ("candle.1m", CandleInterval.OneMinute, TimeSpan.FromMinutes(1)),
        ("candle.3m", CandleInterval.ThreeMinutes, TimeSpan.FromMinutes(3)),
        ("candle.5m", CandleInterval.FiveMinutes, TimeSpan.FromMinutes(5)),
        ("candle.10m", CandleInterval.TenMinutes, TimeSpan.FromMinutes(10)),
        ("candle.15m", CandleInterval.FifteenMinutes, TimeSpan.FromMinutes(15)),
        ("candle.30m", CandleInterval.ThirtyMinutes, TimeSpan.FromMinutes(30)),
        ("candle.60m", CandleInterval.SixtyMinutes, TimeSpan.FromMinutes(60)),
        ("candle.240m", CandleInterval.TwoHundredFortyMinutes, TimeSpan.FromMinutes(240)),
    ];

    public static IEnumerable<CandleInterval> All => s_all.Select(c => c.Interval);

    public static bool TryParse(string name, out CandleInterval interval)
    {
        foreach (var candle in s_all)
        {
            if (candle.Name == name)
            {
                interval = candle.Interval;
                return true;
            }
        }

        interval = default;
        return false;
    }

    public static TimeSpan Period(CandleInterval interval) => s_all.First(c => c.Interval == interval).Period;
}
