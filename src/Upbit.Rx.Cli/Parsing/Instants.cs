using System.Globalization;

namespace Upbit.Rx.Cli.Parsing;

/// <summary>Reads the instants of <c>--from</c>/<c>--to</c>: <c>now</c>, <c>now-&lt;duration&gt;</c> (such as <c>now-2h</c>), or an
/// ISO 8601 date or date-time (UTC unless it carries an offset), such as <c>2026-12-01</c> or <c>2026-12-01T09:00+09:00</c>.</summary>
internal static class Instants
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFF",
        "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFK",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>Parses <paramref name="text"/> relative to <paramref name="now"/>.</summary>
    /// <returns><see langword="false"/> for anything else (a bare number, a lower-case unit typo, a date without a year first).</returns>
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset instant)
    {
        instant = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (trimmed == "now")
        {
            instant = now;
            return true;
        }

        if (trimmed.StartsWith("now-", StringComparison.Ordinal))
        {
            if (!Durations.TryParse(trimmed[4..], out var ago))
            {
                return false;
            }

            instant = now - ago;
            return true;
        }

        return DateTimeOffset.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }
}
