using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace Upbit.Rx.Testing.Rest;

/// <summary>Writes REST bodies with a streaming <see cref="JsonTextWriter"/>: decimals exactly as the value's text
/// (invariant, no exponent, scale kept), compact, UTF-8.</summary>
internal static class RestJson
{
    public static byte[] Write(Action<JsonTextWriter> write)
    {
        var builder = new StringBuilder(1024);
        using (var text = new StringWriter(builder, CultureInfo.InvariantCulture))
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            write(writer);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    public static byte[] Array<T>(IEnumerable<T> items, Action<JsonTextWriter, T> writeItem) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeItem(w, item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] Error(int status, string message) => Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("error");
        w.WriteStartObject();
        Integer(w, "name", status);
        Text(w, "message", message);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static void Number(JsonWriter writer, string name, decimal value)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
    }

    public static void Integer(JsonWriter writer, string name, long value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value);
    }

    public static void Text(JsonWriter writer, string name, string? value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value);
    }

    public static void Boolean(JsonWriter writer, string name, bool value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value);
    }

    /// <summary>A decimal as Upbit writes it in string fields (<c>tick_size</c>, <c>supported_levels</c>): no trailing zeros.</summary>
    public static string Plain(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
