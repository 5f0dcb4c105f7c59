using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using Upbit.Rx.Protocol;

namespace Upbit.Rx.Rest;

/// <summary>
/// A forward-only reader over one REST body, on the same streaming Newtonsoft.Json reader the frame decoder uses
/// (decimals read from the token text, pooled buffers, no JObject). Every shape error throws
/// <see cref="RestFormatException"/> saying what was expected and where; nothing here throws a null reference.
/// </summary>
internal sealed class RestReader : IDisposable
{
    private const int MaxQuotedChars = 64;
    private readonly JsonTextReader _reader;

    public RestReader(TextReader text)
    {
        _reader = new JsonTextReader(text)
        {
            ArrayPool = JsonCharPool.Instance,
            FloatParseHandling = FloatParseHandling.Decimal,
            DateParseHandling = DateParseHandling.None,
            CloseInput = false,
            MaxDepth = 64,
        };
    }

    /// <summary>The JSON path of the current token, for error texts.</summary>
    public string Where => $"path '{Clip(_reader.Path)}', line {_reader.LineNumber}, position {_reader.LinePosition}";

    /// <summary>Moves to the root, which must be an array.</summary>
    public void StartArray()
    {
        Next();
        if (_reader.TokenType != JsonToken.StartArray)
        {
            throw Fail($"The root is a {_reader.TokenType}; expected an array");
        }
    }

    /// <summary>Moves to the next element of the current array: true on an object, false at the array's end.</summary>
    public bool NextObject()
    {
        Next();
        return _reader.TokenType switch
        {
            JsonToken.StartObject => true,
            JsonToken.EndArray => false,
            _ => throw Fail($"An array element is a {_reader.TokenType}; expected an object"),
        };
    }

    /// <summary>Moves to the current object's next key: true with its name, false at the object's end.</summary>
    public bool NextProperty(out string name)
    {
        Next();
        switch (_reader.TokenType)
        {
            case JsonToken.PropertyName:
                name = (string)_reader.Value!;
                return true;
            case JsonToken.EndObject:
                name = string.Empty;
                return false;
            default:
                throw Fail($"Unexpected {_reader.TokenType} inside an object");
        }
    }

    /// <summary>Reads the value of the current key, which must be an object (or null: false).</summary>
    public bool StartObjectOrNull()
    {
        Next();
        return _reader.TokenType switch
        {
            JsonToken.StartObject => true,
            JsonToken.Null => false,
            _ => throw Fail($"'{_reader.Path}' is a {_reader.TokenType}; expected an object"),
        };
    }

    /// <summary>Reads the value of the current key, which must be an array (or null: false).</summary>
    public bool StartArrayOrNull()
    {
        Next();
        return _reader.TokenType switch
        {
            JsonToken.StartArray => true,
            JsonToken.Null => false,
            _ => throw Fail($"'{_reader.Path}' is a {_reader.TokenType}; expected an array"),
        };
    }

    /// <summary>Skips the value of the current key, whatever it is (unknown fields are tolerated).</summary>
    public void Skip() => Guarded(_reader.Skip);

    /// <summary>Checks that nothing follows the root value.</summary>
    public void End()
    {
        if (Guarded(_reader.Read))
        {
            throw Fail($"Unexpected {_reader.TokenType} after the root value");
        }
    }

    /// <summary>Reads a decimal: a JSON number in any form (exponent, trailing zeros, integer) or a numeric string.</summary>
    public decimal? Decimal()
    {
        Next();
        return CurrentDecimal();
    }

    /// <summary>Reads the next array element as a decimal, or notes the array's end.</summary>
    public decimal? DecimalOrEnd(out bool ended)
    {
        Next();
        ended = _reader.TokenType == JsonToken.EndArray;
        return ended ? null : CurrentDecimal();
    }

    private decimal? CurrentDecimal()
    {
        switch (_reader.TokenType)
        {
            case JsonToken.Float when _reader.Value is decimal number:
                return number;
            case JsonToken.Integer when _reader.Value is long integer:
                return integer;
            case JsonToken.Integer when _reader.Value is BigInteger big && big >= (BigInteger)decimal.MinValue && big <= (BigInteger)decimal.MaxValue:
                return (decimal)big;
            case JsonToken.String when decimal.TryParse((string)_reader.Value!, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case JsonToken.Null:
                return null;
            default:
                throw Fail($"'{_reader.Path}' is not a decimal number ({Clip(Text())})");
        }
    }

    /// <summary>Reads an exact 64-bit integer (never through a double): a JSON integer, an integral number or an integer string.</summary>
    public long? Int64()
    {
        Next();
        switch (_reader.TokenType)
        {
            case JsonToken.Integer when _reader.Value is long integer:
                return integer;
            case JsonToken.Float when _reader.Value is decimal number && decimal.IsInteger(number) && number is >= long.MinValue and <= long.MaxValue:
                return (long)number;
            case JsonToken.String when long.TryParse((string)_reader.Value!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case JsonToken.Null:
                return null;
            default:
                throw Fail($"'{_reader.Path}' is not a 64-bit integer ({Clip(Text())})");
        }
    }

    /// <summary>Reads a string; a number is kept as its invariant text (Upbit's integer error names).</summary>
    public string? String()
    {
        Next();
        return _reader.TokenType switch
        {
            JsonToken.String => (string)_reader.Value!,
            JsonToken.Integer or JsonToken.Float => Convert.ToString(_reader.Value, CultureInfo.InvariantCulture),
            JsonToken.Null => null,
            _ => throw Fail($"'{_reader.Path}' is a {_reader.TokenType}; expected a string"),
        };
    }

    /// <summary>Reads true or false.</summary>
    public bool? Boolean()
    {
        Next();
        return _reader.TokenType switch
        {
            JsonToken.Boolean => (bool)_reader.Value!,
            JsonToken.Null => null,
            _ => throw Fail($"'{_reader.Path}' is a {_reader.TokenType}; expected true or false"),
        };
    }

    /// <summary>An error for a field the object must have but lacks.</summary>
    public RestFormatException Missing(string field, string what) => Fail($"The {what} has no '{field}'");

    /// <summary>An error at the reader's position.</summary>
    public RestFormatException Fail(string what) => new($"{what} ({Where}).");

    /// <inheritdoc/>
    public void Dispose() => _reader.Close();

    private void Next()
    {
        if (!Guarded(_reader.Read))
        {
            throw Fail("The body ends too early");
        }
    }

    private static void Guarded(Action read) => Guarded(() =>
    {
        read();
        return true;
    });

    /// <summary>Runs a read of Newtonsoft's reader, turning its exceptions into <see cref="RestFormatException"/>.</summary>
    private static bool Guarded(Func<bool> read)
    {
        try
        {
            return read();
        }
        catch (JsonReaderException ex)
        {
            var suffix = ex.Message.IndexOf(" Path '", StringComparison.Ordinal);
            var what = (suffix < 0 ? ex.Message : ex.Message[..suffix]).TrimEnd('.');
            throw new RestFormatException($"The body is not valid JSON: {Clip(what)} (path '{Clip(ex.Path ?? string.Empty)}', line {ex.LineNumber}, position {ex.LinePosition}).");
        }
        catch (JsonException ex)
        {
            throw new RestFormatException("The body is not valid JSON: " + Clip(ex.Message));
        }
    }

    private string Text() => _reader.TokenType + (_reader.Value is { } value ? " " + Convert.ToString(value, CultureInfo.InvariantCulture) : string.Empty);

    private static string Clip(string text) => text.Length <= MaxQuotedChars ? text : string.Concat(text.AsSpan(0, MaxQuotedChars), "…");
}
