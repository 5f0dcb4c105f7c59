using System.Globalization;

namespace Upbit.Rx.Rest;

/// <summary>Parses Upbit's <c>Remaining-Req: group=ticker; min=600; sec=9</c> header (<c>min</c> is deprecated and ignored).</summary>
internal static class RemainingReq
{
    /// <summary>The <c>sec</c> value: requests left in the group's current second; null when absent or malformed.</summary>
    public static int? Seconds(string? header)
    {
        if (header is null)
        {
            return null;
        }

        foreach (var part in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part.AsSpan(0, eq).Trim().Equals("sec", StringComparison.OrdinalIgnoreCase) &&
                int.TryParse(part.AsSpan(eq + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var left))
            {
                return left;
            }
        }

        return null;
    }
}
