using System.Buffers;
using System.Text.Json;

namespace Upbit.Rx.Testing.Engine;

/// <summary>Encodes the frames that are not market data: error, <c>{"status":"UP"}</c> and the LIST_SUBSCRIPTIONS reply.</summary>
internal static class ControlFrames
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Status { get; } = """{"status":"UP"}"""u8.ToArray();

    public static byte[] Error(ServerError error) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("name", error.Name);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <summary>The reply listing <paramref name="subscriptions"/>; SIMPLE formats use the abbreviated keys.</summary>
    public static byte[] Subscriptions(IReadOnlyList<TypeSubscription> subscriptions, string ticket, WireFormat format) => Write(writer =>
    {
        var simple = format is WireFormat.Simple or WireFormat.SimpleList;
        writer.WriteStartObject();
        writer.WriteString(simple ? "mthd" : "method", "LIST_SUBSCRIPTIONS");
        writer.WriteStartArray(simple ? "rslt" : "result");
        foreach (var subscription in subscriptions)
        {
            writer.WriteStartObject();
            writer.WriteString(simple ? "ty" : "type", subscription.TypeName);
            if (subscription.Type != DataType.MyAsset && (subscription.Codes is not null || subscription.Type != DataType.MyOrder))
            {
                writer.WriteStartArray(simple ? "cds" : "codes");
                foreach (var code in subscription.Codes ?? [])
                {
                    writer.WriteStringValue(code);
                }

                writer.WriteEndArray();
            }

            if (subscription.Type == DataType.Orderbook)
            {
                writer.WriteNumber(simple ? "lv" : "level", subscription.Level);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString(simple ? "tckt" : "ticket", ticket);
        writer.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
