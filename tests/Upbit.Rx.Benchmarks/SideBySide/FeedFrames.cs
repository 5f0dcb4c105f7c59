using System.Buffers.Text;
using System.Text;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// The frames of one feed, pre-encoded in DEFAULT format from the recorded samples (one template per code and type),
/// with two fixed-width number fields patched in place before each send: <c>timestamp</c> carries the sender's
/// <see cref="System.Diagnostics.Stopwatch"/> stamp (plus <see cref="StampBase"/>, so every value has 19 digits) and a
/// trade's <c>sequential_id</c> a fresh number, so no client may drop a frame as a repeat. Every frame is distinct:
/// state streams never see a value equal to the last one.
/// </summary>
/// <remarks>NB: <c>Stopwatch.GetTimestamp</c> reads the monotonic clock, which all processes on the machine share,
/// so the client can subtract the server's stamp from its own.</remarks>
internal sealed class FeedFrames
{
    /// <summary>Added to a stamp so the field keeps 19 digits and can be patched in place.</summary>
    public const long StampBase = 1_000_000_000_000_000_000;

    private const long StampPlaceholder = 1_111_111_111_111_111_111;
    private const long SequencePlaceholder = 1_222_222_222_222_222_222;
    private const int Digits = 19;

    private readonly Template[] _templates;
    private readonly int _types;

    public FeedFrames(FeedKind feed)
    {
        Feed = feed;
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var ticker = TickerBatch.Sample;
        var trade = (Trade)UpbitDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, "ws_trade_default_upbit-docs_krw-btc.json"))).Messages[0];
        var book = (Orderbook)UpbitDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, "ws_orderbook_default_upbit-docs_krw-btc_level10000.json"))).Messages[0];
        UpbitMessage[] samples = feed switch
        {
            FeedKind.Tickers => [ticker],
            FeedKind.Orderbooks => [book],
            _ => [ticker, trade, book],
        };
        _types = samples.Length;
        _templates = [.. Enumerable.Range(0, _types * TickerBatch.CodeCount).Select(i => Build(samples[i % _types], TickerBatch.Codes[i / _types]))];
    }

    public FeedKind Feed { get; }

    /// <summary>The size in bytes of the first frame of each type.</summary>
    public string Sizes => string.Join("/", _templates.Take(_types).Select(t => t.Bytes.Length));

    /// <summary>
    /// Patches frame <paramref name="index"/> (type <c>index % types</c>, code <c>(index / types) % 200</c>) with the
    /// stamp and sequence number and returns its bytes. NB: the buffer is the template itself, valid until the next
    /// call; the server's <c>Push</c> copies it.
    /// </summary>
    public byte[] Stamp(long index, long stamp)
    {
        var template = _templates[index % _templates.Length];
        Write(template.Bytes, template.StampAt, StampBase + stamp);
        if (template.SequenceAt >= 0)
        {
            Write(template.Bytes, template.SequenceAt, StampBase + index);
        }

        return template.Bytes;
    }

    /// <summary>The stream type of frame <paramref name="index"/>: its place in the feed's cycle of types (0 on a feed
    /// of one type).</summary>
    public int TypeOf(long index) => (int)(index % _types);

    /// <summary>Reads the stamp back from a frame without parsing it (what the raw client does).</summary>
    public static long ReadStamp(ReadOnlySpan<byte> frame)
    {
        var at = frame.IndexOf("\"timestamp\":"u8);
        return at >= 0 && Utf8Parser.TryParse(frame[(at + 12)..], out long value, out _) ? value - StampBase : 0;
    }

    private static Template Build(UpbitMessage sample, string code)
    {
        UpbitMessage message = sample switch
        {
            Ticker t => t with { Code = code, Timestamp = StampPlaceholder, StreamType = StreamType.Realtime },
            Trade t => t with { Code = code, Timestamp = StampPlaceholder, SequentialId = SequencePlaceholder, StreamType = StreamType.Realtime },
            Orderbook o => o with { Code = code, Timestamp = StampPlaceholder, Level = 0m, StreamType = StreamType.Realtime },
            _ => throw new InvalidOperationException(sample.GetType().Name),
        };
        var bytes = FrameEncoder.EncodeUtf8(message, WireFormat.Default);
        return new Template(bytes, Find(bytes, StampPlaceholder, required: true), Find(bytes, SequencePlaceholder, required: false));
    }

    private static int Find(byte[] bytes, long placeholder, bool required)
    {
        var digits = Encoding.ASCII.GetBytes(placeholder.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var at = bytes.AsSpan().IndexOf(digits);
        if ((at < 0 && required) || (at >= 0 && bytes.AsSpan(at + 1).IndexOf(digits) >= 0))
        {
            throw new InvalidOperationException("A template must hold its placeholder exactly once.");
        }

        return at;
    }

    private static void Write(byte[] bytes, int at, long value)
    {
        for (var i = at + Digits - 1; i >= at; i--)
        {
            bytes[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private sealed record Template(byte[] Bytes, int StampAt, int SequenceAt);
}
