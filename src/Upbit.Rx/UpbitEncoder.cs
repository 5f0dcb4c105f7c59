using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx;

/// <summary>
/// Writes records as Upbit WebSocket frames (UTF-8 JSON in <c>DEFAULT</c>, <c>SIMPLE</c>, <c>JSON_LIST</c> or
/// <c>SIMPLE_LIST</c> form), the inverse of <see cref="UpbitDecoder"/>: decoding an encoded record gives an equal record.
/// For fakes and recordings (the fake exchange in Upbit.Rx.Testing serves its frames with it). Thread-safe.
/// </summary>
/// <remarks>
/// Decimals are written exactly (no exponent, trailing zeros kept). Optional fields Upbit leaves out are omitted
/// when null; the fields Upbit sends as JSON null are written as null. An enum's <c>Unknown</c> is written as a
/// placeholder text that decodes back to <c>Unknown</c>.
/// </remarks>
public static class UpbitEncoder
{
    /// <summary>Encodes one message; a list format wraps it in an array of one.</summary>
    /// <param name="message">A data, status, error or subscription-list record.</param>
    /// <param name="format">The wire format to write.</param>
    /// <returns>The frame's JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <paramref name="format"/>.</exception>
    public static string Encode(UpbitMessage message, WireFormat format) => FrameEncoder.Encode(message, format);

    /// <summary>Encodes messages as one frame: a list format writes an array of all of them.</summary>
    /// <param name="messages">One message for <c>DEFAULT</c> and <c>SIMPLE</c>; one or more for the list formats.</param>
    /// <param name="format">The wire format to write.</param>
    /// <returns>The frame's JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    /// <exception cref="ArgumentException"><c>DEFAULT</c> or <c>SIMPLE</c> with other than one message, or an empty list.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <paramref name="format"/>.</exception>
    public static string Encode(IReadOnlyList<UpbitMessage> messages, WireFormat format) => FrameEncoder.Encode(messages, format);

    /// <summary>Encodes one message as UTF-8 bytes, as a socket carries it; see <see cref="Encode(UpbitMessage, WireFormat)"/>.</summary>
    /// <param name="message">A data, status, error or subscription-list record.</param>
    /// <param name="format">The wire format to write.</param>
    /// <returns>The frame's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <paramref name="format"/>.</exception>
    public static byte[] EncodeUtf8(UpbitMessage message, WireFormat format) => FrameEncoder.EncodeUtf8(message, format);

    /// <summary>Encodes messages as one frame of UTF-8 bytes; see <see cref="Encode(IReadOnlyList{UpbitMessage}, WireFormat)"/>.</summary>
    /// <param name="messages">One message for <c>DEFAULT</c> and <c>SIMPLE</c>; one or more for the list formats.</param>
    /// <param name="format">The wire format to write.</param>
    /// <returns>The frame's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    /// <exception cref="ArgumentException"><c>DEFAULT</c> or <c>SIMPLE</c> with other than one message, or an empty list.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <paramref name="format"/>.</exception>
    public static byte[] EncodeUtf8(IReadOnlyList<UpbitMessage> messages, WireFormat format) => FrameEncoder.EncodeUtf8(messages, format);
}
