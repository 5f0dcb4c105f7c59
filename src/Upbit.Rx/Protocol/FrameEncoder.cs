using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Protocol;

/// <summary>
/// Writes records as Upbit frames (UTF-8 JSON) in any of the four formats, using the same name table as
/// <see cref="FrameDecoder"/>, so that decoding an encoded record gives an equal record. Used by the fake exchange to
/// serve frames. Thread-safe (each thread reuses its own buffer).
/// </summary>
/// <remarks>
/// Decimals are written exactly (no exponent, trailing zeros kept). Optional fields Upbit leaves out rather than
/// nulls (orderbook <c>level</c>, trade <c>best_*</c>, the deprecated ticker fields, announcement <c>body</c>,
/// subscription <c>codes</c>/<c>level</c>/<c>ticket</c>) are omitted when null; the nullable myOrder fields and
/// ticker <c>delisting_date</c> are written as JSON null, as Upbit does. An enum's <c>Unknown</c> is written as
/// <see cref="WireEnums.UnknownText"/>.
/// </remarks>
internal static partial class FrameEncoder
{
    [ThreadStatic]
    private static StringBuilder? _buffer;

    /// <summary>Encodes one message; a list format wraps it in an array of one.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <paramref name="format"/>.</exception>
    public static string Encode(UpbitMessage message, WireFormat format)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Encode([message], format);
    }

    /// <summary>Encodes messages as one frame: list formats write an array of all of them.</summary>
    /// <exception cref="ArgumentException"><c>DEFAULT</c> or <c>SIMPLE</c> with other than one message, or an empty list.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <paramref name="format"/>.</exception>
    public static string Encode(IReadOnlyList<UpbitMessage> messages, WireFormat format)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var isList = WireNames.IsList(format);
        var simple = WireNames.IsSimple(format);
        _ = WireNames.FormatName(format);
        if (messages.Count == 0 || (!isList && messages.Count != 1))
        {
            throw new ArgumentException($"{format} frames hold {(isList ? "one or more messages" : "exactly one message")}; got {messages.Count}.", nameof(messages));
        }

        var buffer = _buffer ??= new StringBuilder(1024);
        buffer.Clear();
        using (var text = new StringWriter(buffer, CultureInfo.InvariantCulture))
        using (var writer = new JsonTextWriter(text) { ArrayPool = JsonCharPool.Instance, Formatting = Formatting.None })
        {
            if (isList)
            {
                writer.WriteStartArray();
            }

            foreach (var message in messages)
            {
                Write(new FieldWriter(writer, simple), message);
            }

            if (isList)
            {
                writer.WriteEndArray();
            }
        }

        var json = buffer.ToString();
        if (buffer.Capacity > 64 * 1024)
        {
            _buffer = null;
        }

        return json;
    }

    /// <summary>Encodes one message as UTF-8 bytes; see <see cref="Encode(UpbitMessage, WireFormat)"/>.</summary>
    public static byte[] EncodeUtf8(UpbitMessage message, WireFormat format) => Encoding.UTF8.GetBytes(Encode(message, format));

    /// <summary>Encodes messages as one frame of UTF-8 bytes; see <see cref="Encode(IReadOnlyList{UpbitMessage}, WireFormat)"/>.</summary>
    public static byte[] EncodeUtf8(IReadOnlyList<UpbitMessage> messages, WireFormat format) => Encoding.UTF8.GetBytes(Encode(messages, format));

    private static void Write(FieldWriter w, UpbitMessage message)
    {
        w.Json.WriteStartObject();
        switch (message)
        {
            case Ticker ticker: WriteTicker(w, ticker); break;
            case Trade trade: WriteTrade(w, trade); break;
            case Orderbook book: WriteOrderbook(w, book); break;
            case Candle candle: WriteCandle(w, candle); break;
            case MyOrder order: WriteMyOrder(w, order); break;
            case MyAsset asset: WriteMyAsset(w, asset); break;
            case Announcement announcement: WriteAnnouncement(w, announcement); break;
            case ServerStatus status: w.Text(FieldId.Status, status.Status); break;
            case ServerError error: WriteError(w, error); break;
            case SubscriptionList list: WriteSubscriptionList(w, list); break;
            case UnknownMessage unknown: w.Text(FieldId.Type, unknown.Type); break;
            default: throw new ArgumentException($"No wire form for {message.GetType().Name}.", nameof(message));
        }

        w.Json.WriteEndObject();
    }

    private static void WriteError(FieldWriter w, ServerError error)
    {
        w.Key(FieldId.Error);
        w.Json.WriteStartObject();
        w.Text(FieldId.ErrorName, error.Name);
        w.Text(FieldId.ErrorMessage, error.Message);
        w.Json.WriteEndObject();
    }

    private static void WriteSubscriptionList(FieldWriter w, SubscriptionList list)
    {
        w.Text(FieldId.Method, WireNames.ListSubscriptions);
        w.Key(FieldId.Result);
        w.Json.WriteStartArray();
        foreach (var entry in list.Entries)
        {
            w.Json.WriteStartObject();
            w.Text(FieldId.EntryType, entry.Type);
            if (entry.Codes is not null)
            {
                w.Key(FieldId.EntryCodes);
                w.Json.WriteStartArray();
                foreach (var code in entry.Codes)
                {
                    w.Json.WriteValue(code);
                }

                w.Json.WriteEndArray();
            }

            w.NumberIfPresent(FieldId.EntryLevel, entry.Level);
            w.Json.WriteEndObject();
        }

        w.Json.WriteEndArray();
        w.TextIfPresent(FieldId.Ticket, list.Ticket);
    }
}
