using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Upbit.Rx.Cli.Recording;

/// <summary>
/// Writes a recording: one JSON object per line, <c>{"t":&lt;unix ms&gt;,"frame":"&lt;the frame's JSON text&gt;"}</c>,
/// flushed per line so an interrupted recording keeps every frame received.
/// </summary>
internal sealed class RecordingWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly object _gate = new();

    private RecordingWriter(Stream stream)
    {
        _stream = stream;
        // NB: relaxed escaping keeps the frame readable (quotes as \", Hangul as is); the text still round-trips exactly.
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Frames written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Creates (or truncates) the file.</summary>
    /// <exception cref="CliException">The file cannot be created (exit code 4).</exception>
    public static RecordingWriter Create(string path)
    {
        try
        {
            return new RecordingWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.File(path, "cannot write: " + e.Message, e);
        }
    }

    /// <summary>Appends one frame. Thread-safe.</summary>
    public void Write(RecordedFrame frame)
    {
        lock (_gate)
        {
            _json.Reset();
            _json.WriteStartObject();
            _json.WriteNumber("t", frame.Time);
            _json.WriteString("frame", frame.Frame);
            _json.WriteEndObject();
            _json.Flush();
            _stream.WriteByte((byte)'\n');
            _stream.Flush();
            Count++;
        }
    }

    /// <summary>The text of one line (without the newline), as <see cref="Write"/> writes it.</summary>
    public static string Line(RecordedFrame frame)
    {
        using var buffer = new MemoryStream();
        using (var writer = new RecordingWriter(buffer))
        {
            writer.Write(frame);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).TrimEnd('\n');
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _json.Dispose();
            _stream.Dispose();
        }
    }
}
