using System.Text;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx;

/// <summary>
/// Decodes recorded or captured Upbit WebSocket frames (UTF-8 JSON in <c>DEFAULT</c>, <c>SIMPLE</c>, <c>JSON_LIST</c>
/// or <c>SIMPLE_LIST</c> form) into the records the streams yield. Thread-safe; never throws for bad input.
/// </summary>
/// <remarks>
/// Keys may come in any order and in either naming; unknown keys are skipped; a data frame of an unknown
/// <c>type</c> decodes to <see cref="UnknownMessage"/>; unknown enum text decodes to the enum's <c>Unknown</c> member.
/// Numbers are exact <see cref="decimal"/> values (exponents, trailing zeros and numeric strings accepted); a number
/// with more significant digits than <see cref="decimal"/> holds is rounded to the nearest representable value, and
/// one beyond <see cref="decimal.MaxValue"/> is an error. A required field that is missing or null is an error.
/// </remarks>
public static class UpbitDecoder
{
    [ThreadStatic]
    private static FrameDecoder? _decoder;

    /// <summary>Decodes one frame given as UTF-8 bytes.</summary>
    public static UpbitDecodeResult Decode(ReadOnlySpan<byte> utf8Frame)
    {
        var decoder = _decoder ??= new FrameDecoder();
        var messages = new List<UpbitMessage>(1);
        return decoder.TryDecode(utf8Frame, messages, out var error)
            ? UpbitDecodeResult.Success(messages)
            : UpbitDecodeResult.Failure(error!);
    }

    /// <summary>Decodes one frame given as UTF-8 bytes; a null array is an error result.</summary>
    public static UpbitDecodeResult Decode(byte[]? utf8Frame) =>
        utf8Frame is null ? UpbitDecodeResult.Failure("The frame is null.") : Decode(utf8Frame.AsSpan());

    /// <summary>Decodes one frame given as text; a null string is an error result.</summary>
    public static UpbitDecodeResult Decode(string? json) =>
        json is null ? UpbitDecodeResult.Failure("The frame is null.") : Decode(Encoding.UTF8.GetBytes(json).AsSpan());
}
