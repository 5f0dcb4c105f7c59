using System.Globalization;

namespace Upbit.Rx.Cli.Parsing;

/// <summary>Reads durations such as <c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>1h</c> or <c>1m30s</c>.</summary>
internal static class Durations
{
    /// <summary>Parses a positive duration: one or more number-unit pairs (units ms, s, m, h).</summary>
    /// <returns><see langword="false"/> for anything else, including zero.</returns>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var rest = text.Trim().AsSpan();
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            var units = digits;
            while (units < rest.Length && char.IsAsciiLetterLower(rest[units]))
            {
                units++;
            }

            if (digits == 0 || units == digits ||
                !decimal.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ||
                Unit(rest[digits..units]) is not { } unit)
            {
                return false;
            }

            duration += unit * (double)amount;
            rest = rest[units..];
        }

        return duration > TimeSpan.Zero;
    }

    /// <summary>The text of a duration as the CLI prints it (for example <c>1m30s</c>).</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 1 ? $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}ms"
        : duration.TotalMinutes < 1 ? $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s"
        : duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);

    private static TimeSpan? Unit(ReadOnlySpan<char> unit) => unit switch
    {
        "ms" => TimeSpan.FromMilliseconds(1),
        "s" => TimeSpan.FromSeconds(1),
        "m" => TimeSpan.FromMinutes(1),
        "h" => TimeSpan.FromHours(1),
        _ => null,
    };
}
