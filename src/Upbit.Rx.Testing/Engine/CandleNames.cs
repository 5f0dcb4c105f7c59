using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Engine;

/// <summary>Candle periods: the type names come from the codec's <see cref="WireNames"/>; this adds their lengths.</summary>
internal static class CandleNames
{
    // NB: days and longer are REST-only periods; the streams (and so the simulator's live candles) stop at 240m.
    public static IEnumerable<CandleInterval> All => Enum.GetValues<CandleInterval>().Where(i => i <= CandleInterval.TwoHundredFortyMinutes);

    public static bool TryParse(string name, out CandleInterval interval) => WireNames.TryParseCandleType(name, out interval);

    public static TimeSpan Period(CandleInterval interval) => interval switch
    {
        CandleInterval.OneSecond => TimeSpan.FromSeconds(1),
        CandleInterval.OneMinute => TimeSpan.FromMinutes(1),
        CandleInterval.ThreeMinutes => TimeSpan.FromMinutes(3),
        CandleInterval.FiveMinutes => TimeSpan.FromMinutes(5),
        CandleInterval.TenMinutes => TimeSpan.FromMinutes(10),
        CandleInterval.FifteenMinutes => TimeSpan.FromMinutes(15),
        CandleInterval.ThirtyMinutes => TimeSpan.FromMinutes(30),
        CandleInterval.SixtyMinutes => TimeSpan.FromMinutes(60),
        CandleInterval.TwoHundredFortyMinutes => TimeSpan.FromMinutes(240),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Not a candle period."),
    };
}
