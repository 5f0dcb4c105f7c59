using System.Globalization;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>
/// Candle periods and their <c>type</c> names (<c>candle.1s</c>, <c>candle.1m</c> … <c>candle.240m</c>), which follow
/// from the period: seconds below a minute, else minutes.
/// </summary>
internal static class CandleNames
{
    // NB: days and longer are REST-only periods; the streams (and so the simulator's live candles) stop at 240m.
    public static IEnumerable<CandleInterval> All => Enum.GetValues<CandleInterval>().Where(i => i <= CandleInterval.TwoHundredFortyMinutes);

    private static readonly Dictionary<string, CandleInterval> ByName = All.ToDictionary(Name, StringComparer.Ordinal);

    public static bool TryParse(string name, out CandleInterval interval) => ByName.TryGetValue(name, out interval);

    /// <summary>The <c>type</c> value of <paramref name="interval"/>, for example <c>candle.15m</c>.</summary>
    public static string Name(CandleInterval interval)
    {
        var period = Period(interval);
        return period < TimeSpan.FromMinutes(1)
            ? string.Create(CultureInfo.InvariantCulture, $"candle.{period.TotalSeconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"candle.{period.TotalMinutes}m");
    }

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
