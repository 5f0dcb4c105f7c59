using System.Globalization;
using System.Text;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Rest;

/// <summary>Validates REST arguments the way Upbit would reject them, and builds the query strings (values URL-encoded).</summary>
internal static class RestQuery
{
    public const int MaxOrderbookCount = 30;
    public const int MaxTradeCount = 500;
    public const int MaxCandleCount = 200;
    public const int MaxDaysAgo = 7;

    /// <summary>Distinct, well-formed pair codes joined by commas.</summary>
    public static string Codes(IEnumerable<string> codes, string parameterName) =>
        string.Join(',', MarketCodes.Validate(codes, parameterName));

    /// <summary>One well-formed pair code.</summary>
    public static string Code(string code, string parameterName) => MarketCodes.Validate([code], parameterName)[0];

    /// <summary>Distinct quote currencies (<c>KRW</c>, <c>BTC</c>, <c>USDT</c>): upper-case letters and digits.</summary>
    public static string Currencies(IEnumerable<string> currencies, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(currencies, parameterName);
        var result = new List<string>();
        foreach (var currency in currencies)
        {
            if (string.IsNullOrEmpty(currency) || currency.Length > 16 || !currency.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                throw new ArgumentException($"Quote currency \"{currency}\" is malformed; expected upper-case letters such as \"KRW\".", parameterName);
            }

            if (!result.Contains(currency, StringComparer.Ordinal))
            {
                result.Add(currency);
            }
        }

        return result.Count > 0
            ? string.Join(',', result)
            : throw new ArgumentException("At least one quote currency is required, for example \"KRW\".", parameterName);
    }

    public static void Count(int count, int max, string parameterName)
    {
        if (count < 1 || count > max)
        {
            throw new ArgumentOutOfRangeException(parameterName, count, $"Upbit serves 1 to {max} items per request.");
        }
    }

    /// <summary>A candle <c>to</c>: the instant in UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>, URL-encoded.</summary>
    public static string CandleTo(DateTimeOffset to, string parameterName)
    {
        if (to.Ticks % TimeSpan.TicksPerSecond != 0 || to.UtcDateTime.Year < 2000)
        {
            throw new ArgumentOutOfRangeException(parameterName, to, "Upbit takes whole seconds after the year 2000.");
        }

        return Uri.EscapeDataString(to.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>A trade <c>to</c>: a UTC time of day in whole seconds, <c>HHmmss</c>.</summary>
    public static string TradeTo(TimeOnly to, string parameterName) =>
        to.Ticks % TimeSpan.TicksPerSecond == 0
            ? to.ToString("HHmmss", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(parameterName, to, "Upbit takes whole seconds (HHmmss).");

    /// <summary>The path of a candle interval, e.g. <c>/v1/candles/minutes/15</c>.</summary>
    public static string CandlePath(CandleInterval interval, string parameterName) => interval switch
    {
        CandleInterval.OneSecond => "/v1/candles/seconds",
        CandleInterval.OneMinute => "/v1/candles/minutes/1",
        CandleInterval.ThreeMinutes => "/v1/candles/minutes/3",
        CandleInterval.FiveMinutes => "/v1/candles/minutes/5",
        CandleInterval.TenMinutes => "/v1/candles/minutes/10",
        CandleInterval.FifteenMinutes => "/v1/candles/minutes/15",
        CandleInterval.ThirtyMinutes => "/v1/candles/minutes/30",
        CandleInterval.SixtyMinutes => "/v1/candles/minutes/60",
        CandleInterval.TwoHundredFortyMinutes => "/v1/candles/minutes/240",
        CandleInterval.OneDay => "/v1/candles/days",
        CandleInterval.OneWeek => "/v1/candles/weeks",
        CandleInterval.OneMonth => "/v1/candles/months",
        CandleInterval.OneYear => "/v1/candles/years",
        _ => throw new ArgumentOutOfRangeException(parameterName, interval, "Not a candle interval."),
    };

    /// <summary>Appends <c>name=value</c> (the value already encoded) with the right separator.</summary>
    public static StringBuilder Add(this StringBuilder query, string name, string value) =>
        query.Append(query.Length == 0 ? string.Empty : "&").Append(name).Append('=').Append(value);
}
