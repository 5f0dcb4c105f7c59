using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Parsing;

/// <summary>The candle periods by the names Upbit gives them on the wire (<c>candle.1m</c> is <c>1m</c>).</summary>
internal static class CandleIntervals
{
    private static readonly (string Name, CandleInterval Interval)[] Names =
    [
        ("1s", CandleInterval.OneSecond),
        ("1m", CandleInterval.OneMinute),
        ("3m", CandleInterval.ThreeMinutes),
        ("5m", CandleInterval.FiveMinutes),
        ("10m", CandleInterval.TenMinutes),
        ("15m", CandleInterval.FifteenMinutes),
        ("30m", CandleInterval.ThirtyMinutes),
        ("60m", CandleInterval.SixtyMinutes),
        ("240m", CandleInterval.TwoHundredFortyMinutes),
    ];

    private static readonly (string Name, CandleInterval Interval)[] RestOnly =
    [
        ("1d", CandleInterval.OneDay),
        ("1w", CandleInterval.OneWeek),
        ("1M", CandleInterval.OneMonth),
        ("1y", CandleInterval.OneYear),
    ];

    /// <summary>Every name of a REST history period: the streamed ones, then days, weeks, months (<c>1M</c>) and years.</summary>
    public static IEnumerable<string> AllHistory => All.Concat(RestOnly.Select(n => n.Name));

    /// <summary>Reads a history period: anything <see cref="TryParse"/> reads, or <c>1d</c>, <c>1w</c>, <c>1M</c>, <c>1y</c>.</summary>
    public static bool TryParseHistory(string? text, out CandleInterval interval)
    {
        if (TryParse(text, out interval))
        {
            return true;
        }

        foreach (var (candidate, value) in RestOnly)
        {
            if (string.Equals(candidate, text?.Trim(), StringComparison.Ordinal))
            {
                interval = value;
                return true;
            }
        }

        return false;
    }

    /// <summary>Every accepted name, in period order.</summary>
    public static IEnumerable<string> All => Names.Select(n => n.Name);

    /// <summary>Reads <c>1s</c>, <c>1m</c>, <c>3m</c>, <c>5m</c>, <c>10m</c>, <c>15m</c>, <c>30m</c>, <c>60m</c> (or <c>1h</c>) and <c>240m</c> (or <c>4h</c>).</summary>
    public static bool TryParse(string? text, out CandleInterval interval)
    {
        var name = text?.Trim() switch
        {
            "1h" => "60m",
            "4h" => "240m",
            var other => other,
        };
        foreach (var (candidate, value) in Names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                interval = value;
                return true;
            }
        }

        interval = default;
        return false;
    }

    /// <summary>The wire name of an interval, such as <c>1m</c>.</summary>
    public static string Name(CandleInterval interval) => Names.Concat(RestOnly).First(n => n.Interval == interval).Name;
}
