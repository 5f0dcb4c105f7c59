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
    private string? _path;

    private RecordingWriter(Stream stream)
    {
        _stream = stream;
        // NB: relaxed escaping keeps the frame readable (quotes as \", Hangul as is); the text still round-trips exactly.
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Frames written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Creates the file; an existing one is replaced only when <paramref name="overwrite"/> is set.</summary>
    /// <exception cref="CliException">The file exists and <paramref name="overwrite"/> is not set, or it cannot be created (exit code 4).</exception>
    public static RecordingWriter Create(string path, bool overwrite = false)
    {
        if (Directory.Exists(path))
        {
            throw CliException.File(path, "is a directory; name a file to record to");
        }

        try
        {
            // NB: CreateNew fails atomically if the file appeared meanwhile, so an existing recording is never truncated.
            var stream = new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            return new RecordingWriter(stream) { _path = path };
        }
        catch (IOException e) when (!overwrite && File.Exists(path))
        {
            throw CliException.File(path, "already exists; add --force to overwrite it", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.File(path, "cannot write: " + e.Message, e);
        }
    }

    /// <summary>Closes and deletes the file when no frame was written to it (a recording of nothing is no recording).</summary>
    public void DeleteIfEmpty()
    {
        lock (_gate)
        {
            if (Count > 0 || _path is null)
            {
                return;
            }

            _json.Dispose();
            _stream.Dispose();
            try
            {
                File.Delete(_path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // NB: an empty file left behind is harmless; the summary line says nothing was recorded.
            }
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
