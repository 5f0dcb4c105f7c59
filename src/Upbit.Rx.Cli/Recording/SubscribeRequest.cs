using System.Text;
using System.Text.Json;
using Upbit.Rx.Cli.Parsing;

namespace Upbit.Rx.Cli.Recording;

/// <summary>
/// The one subscription request <c>record</c> sends: a ticket, one type object per stream type with every code
/// (order books deeper or shallower than 30 as <c>CODE.units</c>), and the format.
/// </summary>
internal static class SubscribeRequest
{
    public static string Build(IReadOnlyList<RecordedStream> streams, IReadOnlyList<string> codes, WireFormat format, Guid ticket)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("ticket", "upbit-rx-" + ticket.ToString("N"));
            json.WriteEndObject();
            foreach (var stream in streams)
            {
                json.WriteStartObject();
                json.WriteString("type", stream.Type);
                json.WriteStartArray("codes");
                foreach (var code in codes)
                {
                    json.WriteStringValue(stream.Units is 0 or 30 ? code : $"{code}.{stream.Units}");
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteStartObject();
            json.WriteString("format", format == WireFormat.Simple ? "SIMPLE" : "DEFAULT");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
