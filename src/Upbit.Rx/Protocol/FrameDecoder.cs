using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Newtonsoft.Json;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Protocol;

/// <summary>
/// Decodes Upbit frames (UTF-8 JSON, any of the four formats) into <see cref="UpbitMessage"/> records with a
/// streaming Newtonsoft.Json reader: no JObject, pooled char buffers, interned keys. Reusable and allocation-lean,
/// not thread-safe: use one per thread that decodes (a connection's receive loop, each decoding worker).
/// </summary>
/// <remarks>
/// <para>Root: an object, or an array of any length (including empty) whose elements are objects. Keys come in any
/// order, DEFAULT and SIMPLE keys are both accepted (even mixed), unknown keys are skipped with their values.</para>
/// <para>Dispatch: <c>type</c>/<c>ty</c> → data record (an unknown type gives <see cref="UnknownMessage"/>);
/// <c>status</c> → <see cref="ServerStatus"/>; <c>error</c> → <see cref="ServerError"/>; <c>method</c>/<c>mthd</c> →
/// <see cref="SubscriptionList"/>; a legacy 2018 ticker (<c>market</c>, no <c>type</c>) → <see cref="Ticker"/> with
/// <see cref="StreamType.Unknown"/>.</para>
/// <para>Numbers: read as <see cref="decimal"/> from the token text (exponents, trailing zeros, integers and numeric
/// strings accepted). A value with more significant digits than <see cref="decimal"/> holds (28–29) is rounded to
/// the nearest representable value, like <c>decimal.Parse</c>; a magnitude beyond <see cref="decimal.MaxValue"/> is an
/// error. Ids and timestamps are read as exact <see cref="long"/> values.</para>
/// <para>A frame decodes completely or not at all: on error nothing is added to the output. NB: Newtonsoft's reader is
/// lenient, so single-quoted strings, unquoted keys and trailing commas are accepted; <c>NaN</c> and
/// <c>Infinity</c> are errors, and so are integers JSON does not allow but Newtonsoft would reinterpret (leading zeros
/// such as <c>010</c>, read as octal 8; hex such as <c>0x10</c>). Error texts quote at most 64 chars of the frame.</para>
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "CharBufferReader holds no resource; it only borrows a pooled buffer for the length of one call.")]
internal sealed partial class FrameDecoder
{
    private const int MaxQuotedChars = 64;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly CharBufferReader _text = new();
    private readonly FieldKeyTable _keys = new();

    /// <summary>
    /// Decodes one frame and appends its messages to <paramref name="output"/>. Never throws for bad input: returns
    /// false with <paramref name="error"/> saying what was wrong and where, and leaves <paramref name="output"/> as it was.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public bool TryDecode(ReadOnlySpan<byte> frame, List<UpbitMessage> output, out string? error)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (frame.StartsWith("\uFEFF"u8))
        {
            frame = frame[3..];
        }

        if (frame.IsEmpty)
        {
            error = "The frame is empty.";
            return false;
        }

        var start = output.Count;
        var chars = ArrayPool<char>.Shared.Rent(frame.Length);
        try
        {
            _text.Reset(chars, StrictUtf8.GetChars(frame, chars));
            var reader = new JsonTextReader(_text)
            {
                ArrayPool = JsonCharPool.Instance,
                PropertyNameTable = _keys,
                FloatParseHandling = FloatParseHandling.Decimal,
                DateParseHandling = DateParseHandling.None,
                CloseInput = false,
                MaxDepth = 64,
            };
            try
            {
                error = ReadFrame(reader, output);
            }
            finally
            {
                reader.Close();
            }
        }
        catch (DecoderFallbackException ex)
        {
            error = $"The frame is not valid UTF-8 (bad byte at offset {ex.Index}).";
        }
        catch (JsonReaderException ex)
        {
            // NB: Newtonsoft's message may quote a whole token; its own position suffix is rebuilt from the exception.
            var suffix = ex.Message.IndexOf(" Path '", StringComparison.Ordinal);
            var what = (suffix < 0 ? ex.Message : ex.Message[..suffix]).TrimEnd('.');
            error = $"The frame could not be read as JSON: {Clip(what)} (path '{Clip(ex.Path ?? string.Empty)}', line {ex.LineNumber}, position {ex.LinePosition}).";
        }
        catch (JsonException ex)
        {
            error = "The frame could not be read as JSON: " + Clip(ex.Message);
        }
        finally
        {
            _text.Clear();
            ArrayPool<char>.Shared.Return(chars);
        }

        if (error is null)
        {
            return true;
        }

        output.RemoveRange(start, output.Count - start);
        return false;
    }

    private static string Where(JsonReader reader)
    {
        var line = (IJsonLineInfo)reader;
        return $"path '{Clip(reader.Path)}', line {line.LineNumber}, position {line.LinePosition}";
    }

    /// <summary>Caps text taken from the frame (a value, a key path, the parser's message that may quote a token), so
    /// an error stays short enough to log whatever the frame held.</summary>
    private static string Clip(string text) => text.Length <= MaxQuotedChars ? text : string.Concat(text.AsSpan(0, MaxQuotedChars), "…");

    private static string Truncated(JsonReader reader) => $"The frame ends too early ({Where(reader)}).";

    private string? ReadFrame(JsonTextReader reader, List<UpbitMessage> output)
    {
        if (!reader.Read())
        {
            return "The frame holds no JSON value.";
        }

        string? error;
        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                error = ReadMessage(reader, output);
                break;
            case JsonToken.StartArray:
                error = ReadList(reader, output);
                break;
            default:
                return $"The root is a {reader.TokenType}; expected an object or an array of objects ({Where(reader)}).";
        }

        if (error is null && reader.Read())
        {
            error = $"Unexpected {reader.TokenType} after the root value ({Where(reader)}).";
        }

        return error;
    }

    private string? ReadList(JsonTextReader reader, List<UpbitMessage> output)
    {
        for (var index = 0; ; index++)
        {
            if (!reader.Read())
            {
                return Truncated(reader);
            }

            if (reader.TokenType == JsonToken.EndArray)
            {
                return null;
            }

            if (reader.TokenType != JsonToken.StartObject)
            {
                return $"Element {index} of the array root is a {reader.TokenType}; expected an object ({Where(reader)}).";
            }

            if (ReadMessage(reader, output) is { } error)
            {
                return error;
            }
        }
    }

    /// <summary>Reads one message object; the reader is on its StartObject and ends on its EndObject.</summary>
    private string? ReadMessage(JsonTextReader reader, List<UpbitMessage> output)
    {
        BeginObject();
        while (true)
        {
            if (!reader.Read())
            {
                return Truncated(reader);
            }

            if (reader.TokenType == JsonToken.EndObject)
            {
                break;
            }

            var key = (string)reader.Value!;
            if (!_keys.TryFind(FieldScope.Message, key, out var slot))
            {
                reader.Skip();
                continue;
            }

            if (ReadField(reader, slot) is { } error)
            {
                return error;
            }
        }

        var message = BuildMessage(out var buildError);
        if (message is null)
        {
            return buildError + $" (object ending at {Where(reader)}).";
        }

        output.Add(message);
        return null;
    }
}
