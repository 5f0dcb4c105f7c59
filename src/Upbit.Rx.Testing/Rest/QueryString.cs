using System.Globalization;

namespace Upbit.Rx.Testing.Rest;

/// <summary>
/// A request's query parameters, decoded as a form is (<c>%XX</c> escapes, and <c>+</c> as a space, which is why an
/// unencoded <c>+09:00</c> in <c>to</c> is rejected, as Upbit does). A repeated key keeps its first value. Readers
/// throw <see cref="RestProblem"/> with Upbit's 400 messages.
/// </summary>
internal sealed class QueryString
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public QueryString(string raw)
    {
        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            _values.TryAdd(key, value);
        }
    }

    public string? Optional(string key) => _values.GetValueOrDefault(key);

    public string Required(string key) =>
        _values.TryGetValue(key, out var value) && value.Length > 0 ? value : throw RestProblem.Missing();

    /// <summary>A comma-separated list; an empty item is an invalid value.</summary>
    public IReadOnlyList<string> RequiredList(string key)
    {
        var items = Required(key).Split(',');
        return items.Any(i => i.Length == 0) ? throw RestProblem.InvalidValue() : items;
    }

    public int? Integer(string key)
    {
        var text = Optional(key);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw RestProblem.TypeMismatch();
    }

    /// <summary>An integer in <paramref name="min"/>..<paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public int Count(string key, int fallback, int min, int max)
    {
        var value = Integer(key) ?? fallback;
        return value < min || value > max ? throw RestProblem.InvalidValue() : value;
    }

    public long? Long(string key)
    {
        var text = Optional(key);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw RestProblem.TypeMismatch();
    }

    public bool Boolean(string key)
    {
        var text = Optional(key);
        return text is null ? false
            : bool.TryParse(text, out var value) ? value
            : throw RestProblem.TypeMismatch();
    }

    public decimal? Decimal(string key)
    {
        var text = Optional(key);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : throw RestProblem.TypeMismatch();
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
