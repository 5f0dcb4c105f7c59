using System.Globalization;

namespace Upbit.Rx.Cli.Views;

/// <summary>How the CLI prints numbers: exact decimals without padding zeros, invariant culture.</summary>
internal static class Numbers
{
    private static readonly (decimal Limit, string Suffix)[] Scales = [(1e12m, "T"), (1e9m, "B"), (1e6m, "M"), (1e4m, "K")];

    /// <summary>The value with no trailing zeros (<c>158200000.00000000</c> prints <c>158200000</c>).</summary>
    public static string Plain(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>The value rounded for a table column, with group separators.</summary>
    public static string Grouped(decimal value, int decimals) => value.ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture);

    /// <summary>
    /// A short form for narrow screens, at most 8 characters for any value under 1,000 trillion: <c>145.01M</c>,
    /// <c>12.35K</c>, <c>1,234.57</c>, <c>0.005098</c>.
    /// </summary>
    public static string Compact(decimal value)
    {
        var size = Math.Abs(value);
        foreach (var (limit, suffix) in Scales)
        {
            if (size >= limit)
            {
                return (value / limit).ToString("0.##", CultureInfo.InvariantCulture) + suffix;
            }
        }

        return size >= 1m ? value.ToString("#,0.##", CultureInfo.InvariantCulture) : Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
    }

    /// <summary>A signed change rate (a fraction) as a percentage, such as <c>+0.52%</c>.</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>A Unix-millisecond time as UTC <c>HH:mm:ss.fff</c>.</summary>
    public static string Clock(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
