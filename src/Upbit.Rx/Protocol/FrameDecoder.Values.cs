using System.Buffers;
using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;

namespace Upbit.Rx.Protocol;

/// <content>Slots: one value per <see cref="FieldId"/> for the object being read, and the primitive readers.</content>
internal sealed partial class FrameDecoder
{
    private static readonly int SlotCount = Enum.GetValues<FieldId>().Length;

    /// <summary>What an integer token Newtonsoft accepts can be made of: decimal and hex digits and the hex marker.</summary>
    private static readonly SearchValues<char> IntegerTokenChars = SearchValues.Create("0123456789abcdefABCDEFxX");

    // NB: a slot holds a value only while its stamp equals _generation (-_generation: read as JSON null), so
    // starting an object costs one increment instead of clearing every array, and HasValue reads one array. Only the
    // reference slots are cleared, so that the decoder of an idle connection does not keep the last frame's strings
    // and lists alive.
    private readonly int[] _stamps = new int[SlotCount];
    private readonly decimal[] _decimals = new decimal[SlotCount];
    private readonly long[] _longs = new long[SlotCount];
    private readonly bool[] _bools = new bool[SlotCount];
    private readonly string?[] _strings = new string?[SlotCount];
    private readonly object?[] _lists = new object?[SlotCount];
    private int _generation;

    private void BeginObject()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }

        Array.Clear(_strings);
        Array.Clear(_lists);
    }

    private bool Has(FieldId slot) => Math.Abs(_stamps[(int)slot]) == _generation;

    private bool HasValue(FieldId slot) => _stamps[(int)slot] == _generation;

    private void Mark(FieldId slot, bool isNull)
    {
        _stamps[(int)slot] = isNull ? -_generation : _generation;
    }

    /// <summary>Reads the value after a known key into its slot; the reader is on the key.</summary>
    private string? ReadField(JsonTextReader reader, FieldId slot)
    {
        var i = (int)slot;
        string? error;
        bool isNull;
        switch (WireNames.Field(slot).Kind)
        {
            case FieldKind.Decimal:
                error = ReadDecimal(reader, slot, out _decimals[i], out isNull);
                break;
            case FieldKind.Int64:
                error = ReadInt64(reader, slot, out _longs[i], out isNull);
                break;
            case FieldKind.Int32:
                error = ReadInt64(reader, slot, out _longs[i], out isNull);
                if (error is null && !isNull && _longs[i] is < int.MinValue or > int.MaxValue)
                {
                    error = OutOfRange(reader, slot, "a 32-bit integer");
                }

                break;
            case FieldKind.Boolean:
                error = ReadBoolean(reader, slot, out _bools[i], out isNull);
                break;
            case FieldKind.String:
                error = ReadString(reader, slot, out _strings[i]);
                isNull = _strings[i] is null;
                break;
            default:
                error = ReadNested(reader, slot, out isNull);
                break;
        }

        if (error is null && reader.TokenType == JsonToken.Integer && !IsJsonInteger(reader))
        {
            error = $"'{WireNames.Field(slot).Default}' is not a JSON number (leading zero or hex) ({Where(reader)}).";
        }

        if (error is null)
        {
            Mark(slot, isNull);
        }

        return error;
    }

    /// <summary>Whether the integer just read is written as JSON allows. NB: Newtonsoft also reads <c>010</c> as octal 8
    /// and <c>0x10</c> as 16; only the token's text tells them apart, found from the reader's line and position.</summary>
    private bool IsJsonInteger(JsonTextReader reader)
    {
        var text = _text.Text;
        var end = LineStart(text, reader.LineNumber) + reader.LinePosition;
        if (end > text.Length)
        {
            return true;
        }

        // NB: one vectorised search back from the token's end instead of a char-by-char loop.
        var start = text[..end].LastIndexOfAnyExcept(IntegerTokenChars) + 1;
        return end - start <= 1 || text[start] != '0';
    }

    /// <summary>The offset where 1-based line <paramref name="number"/> starts, counting line breaks as Newtonsoft
    /// does (<c>\r\n</c>, <c>\r</c> or <c>\n</c>). Upbit frames are one line, so this rarely scans.</summary>
    private static int LineStart(ReadOnlySpan<char> text, int number)
    {
        var offset = 0;
        for (var line = 1; line < number; line++)
        {
            var next = text[offset..].IndexOfAny('\r', '\n');
            if (next < 0)
            {
                return text.Length;
            }

            offset += next + (text[offset + next] == '\r' && offset + next + 1 < text.Length && text[offset + next + 1] == '\n' ? 2 : 1);
        }

        return offset;
    }

    private static string WrongType(JsonReader reader, FieldId field, string expected) =>
        $"'{WireNames.Field(field).Default}' must be {expected} but is a {reader.TokenType} ({Where(reader)}).";

    private static string OutOfRange(JsonReader reader, FieldId field, string expected) =>
        $"'{WireNames.Field(field).Default}' is out of range for {expected}: {Clip(Convert.ToString(reader.Value, CultureInfo.InvariantCulture) ?? string.Empty)} ({Where(reader)}).";

    private static string? ReadDecimal(JsonReader reader, FieldId field, out decimal value, out bool isNull)
    {
        value = 0m;
        isNull = false;
        if (!reader.Read())
        {
            return Truncated(reader);
        }

        switch (reader.TokenType)
        {
            case JsonToken.Float when reader.Value is decimal number:
                value = number;
                return null;
            case JsonToken.Integer when reader.Value is long integer:
                value = integer;
                return null;
            case JsonToken.Integer when reader.Value is BigInteger big:
                if (big < (BigInteger)decimal.MinValue || big > (BigInteger)decimal.MaxValue)
                {
                    return OutOfRange(reader, field, "a decimal");
                }

                value = (decimal)big;
                return null;
            case JsonToken.String:
                if (decimal.TryParse((string)reader.Value!, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    return null;
                }

                return $"'{WireNames.Field(field).Default}' holds the text \"{Clip((string)reader.Value!)}\", which is not a decimal number ({Where(reader)}).";
            case JsonToken.Null:
                isNull = true;
                return null;
            default:
                return WrongType(reader, field, "a number");
        }
    }

    private static string? ReadInt64(JsonReader reader, FieldId field, out long value, out bool isNull)
    {
        value = 0;
        isNull = false;
        if (!reader.Read())
        {
            return Truncated(reader);
        }

        switch (reader.TokenType)
        {
            case JsonToken.Integer when reader.Value is long integer:
                value = integer;
                return null;
            case JsonToken.Integer:
                return OutOfRange(reader, field, "a 64-bit integer");
            case JsonToken.Float when reader.Value is decimal number && decimal.IsInteger(number):
                if (number is < long.MinValue or > long.MaxValue)
                {
                    return OutOfRange(reader, field, "a 64-bit integer");
                }

                value = (long)number;
                return null;
            case JsonToken.String when long.TryParse((string)reader.Value!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value):
                return null;
            case JsonToken.Null:
                isNull = true;
                return null;
            default:
                return WrongType(reader, field, "an integer");
        }
    }

    private static string? ReadBoolean(JsonReader reader, FieldId field, out bool value, out bool isNull)
    {
        value = false;
        isNull = false;
        if (!reader.Read())
        {
            return Truncated(reader);
        }

        switch (reader.TokenType)
        {
            case JsonToken.Boolean:
                value = (bool)reader.Value!;
                return null;
            case JsonToken.Null:
                isNull = true;
                return null;
            default:
                return WrongType(reader, field, "true or false");
        }
    }

    /// <summary>
    /// Reads a string. An integer is kept as its text only where Upbit documents a number in a string slot (a
    /// REST-style numeric error name, a ticket an older page calls "Long"); anywhere else, a <c>"code":12345</c> say,
    /// it is a wrong type and the frame is malformed.
    /// </summary>
    private static string? ReadString(JsonReader reader, FieldId field, out string? value)
    {
        value = null;
        if (!reader.Read())
        {
            return Truncated(reader);
        }

        switch (reader.TokenType)
        {
            case JsonToken.String:
                value = (string)reader.Value!;
                return null;
            case JsonToken.Integer when field is FieldId.ErrorName or FieldId.Ticket:
                value = Convert.ToString(reader.Value, CultureInfo.InvariantCulture);
                return null;
            case JsonToken.Null:
                return null;
            default:
                return WrongType(reader, field, "a string");
        }
    }
}
