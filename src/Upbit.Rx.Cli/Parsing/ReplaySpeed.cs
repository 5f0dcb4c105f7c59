using System.Globalization;

namespace Upbit.Rx.Cli.Parsing;

/// <summary>How fast a recording plays: a factor of the recorded pace, or as fast as possible.</summary>
/// <param name="Factor">Recorded gaps are divided by this; <see cref="double.PositiveInfinity"/> for <c>max</c>.</param>
internal sealed record ReplaySpeed(double Factor)
{
    /// <summary>The recorded pace.</summary>
    public static ReplaySpeed Original { get; } = new(1);

    /// <summary>No gaps at all.</summary>
    public static ReplaySpeed Max { get; } = new(double.PositiveInfinity);

    /// <summary>Reads <c>max</c> or a positive number such as <c>1</c>, <c>10</c> or <c>0.5</c> (an optional trailing <c>x</c> is allowed).</summary>
    public static bool TryParse(string? text, out ReplaySpeed speed)
    {
        speed = Original;
        var value = text?.Trim();
        if (string.Equals(value, "max", StringComparison.Ordinal))
        {
            speed = Max;
            return true;
        }

        if (value is [.. var number, 'x'])
        {
            value = number;
        }

        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var factor) && factor > 0 && double.IsFinite(factor))
        {
            speed = new ReplaySpeed(factor);
            return true;
        }

        return false;
    }

    /// <summary>The text <see cref="TryParse"/> reads back (<c>max</c>, <c>1</c>, <c>10</c>, …); also what help shows as the default.</summary>
    public override string ToString() => double.IsPositiveInfinity(Factor) ? "max" : Factor.ToString(CultureInfo.InvariantCulture);

    /// <summary>When a frame recorded <paramref name="sinceFirst"/> after the first is due.</summary>
    public TimeSpan Scale(TimeSpan sinceFirst) =>
        double.IsPositiveInfinity(Factor) || sinceFirst <= TimeSpan.Zero ? TimeSpan.Zero : sinceFirst / Factor;
}
