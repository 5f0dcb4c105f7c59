namespace Upbit.Rx.Subscriptions;

/// <summary>Validates pair codes at the public boundary so mistakes fail at the call, not silently on the wire.</summary>
internal static class MarketCodes
{
    /// <summary>
    /// Returns the distinct codes in the order given, or throws <see cref="ArgumentException"/> naming the
    /// offending code and what is wrong with it.
    /// </summary>
    public static IReadOnlyList<string> Validate(IEnumerable<string>? codes, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(codes, parameterName);
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            Check(code, parameterName);
            if (seen.Add(code))
            {
                result.Add(code);
            }
        }

        if (result.Count == 0)
        {
            throw new ArgumentException("At least one market code is required, for example \"KRW-BTC\".", parameterName);
        }

        return result;
    }

    private static void Check(string? code, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ArgumentException("A market code is null or blank; codes look like \"KRW-BTC\".", parameterName);
        }

        if (code.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Market code \"{code}\" has a suffix; pass the pair alone and choose orderbook depth with the units argument.",
                parameterName);
        }

        var dash = code.IndexOf('-', StringComparison.Ordinal);
        var wellFormed = dash > 0 && dash < code.Length - 1 && code.IndexOf('-', dash + 1) < 0 && code.Length <= 32;
        if (!wellFormed)
        {
            throw new ArgumentException(
                $"Market code \"{code}\" is malformed; expected QUOTE-BASE such as \"KRW-BTC\".", parameterName);
        }

        foreach (var c in code)
        {
            if (c is >= 'a' and <= 'z')
            {
                throw new ArgumentException(
                    $"Market code \"{code}\" has lower-case letters; Upbit ignores those silently. Use \"{code.ToUpperInvariant()}\".",
                    parameterName);
            }

            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
            {
                throw new ArgumentException(
                    $"Market code \"{code}\" contains '{c}'; codes hold only A-Z, 0-9 and one '-'.", parameterName);
            }
        }
    }
}
