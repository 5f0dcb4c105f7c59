using System.Globalization;
using Newtonsoft.Json;

namespace Upbit.Rx.Protocol;

/// <summary>Writes fields under their DEFAULT or SIMPLE key from <see cref="WireNames"/>.</summary>
internal readonly struct FieldWriter(JsonWriter writer, bool simple)
{
    public JsonWriter Json => writer;

    public void Key(FieldId field) => writer.WritePropertyName(WireNames.Name(field, simple));

    /// <summary>Writes a string, or JSON null.</summary>
    public void Text(FieldId field, string? value)
    {
        Key(field);
        writer.WriteValue(value);
    }

    /// <summary>Writes a string; leaves the key out when the value is null.</summary>
    public void TextIfPresent(FieldId field, string? value)
    {
        if (value is not null)
        {
            Text(field, value);
        }
    }

    /// <summary>
    /// Writes a decimal exactly: invariant culture, never an exponent, scale kept (trailing zeros survive).
    /// NB: JsonWriter.WriteValue(decimal) would append ".0" to integers, changing the text Upbit sent.
    /// </summary>
    public void Number(FieldId field, decimal value)
    {
        Key(field);
        writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a decimal, or JSON null.</summary>
    public void Number(FieldId field, decimal? value)
    {
        if (value is { } number)
        {
            Number(field, number);
        }
        else
        {
            Key(field);
            writer.WriteNull();
        }
    }

    /// <summary>Writes a decimal; leaves the key out when the value is null.</summary>
    public void NumberIfPresent(FieldId field, decimal? value)
    {
        if (value is { } number)
        {
            Number(field, number);
        }
    }

    public void Integer(FieldId field, long value)
    {
        Key(field);
        writer.WriteValue(value);
    }

    /// <summary>Writes an integer, or JSON null.</summary>
    public void Integer(FieldId field, long? value)
    {
        Key(field);
        writer.WriteValue(value);
    }

    /// <summary>Writes a boolean, or JSON null.</summary>
    public void Boolean(FieldId field, bool? value)
    {
        Key(field);
        writer.WriteValue(value);
    }

    /// <summary>Writes a boolean; leaves the key out when the value is null.</summary>
    public void BooleanIfPresent(FieldId field, bool? value)
    {
        if (value is not null)
        {
            Boolean(field, value);
        }
    }
}
