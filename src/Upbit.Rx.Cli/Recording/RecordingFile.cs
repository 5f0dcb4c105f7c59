using System.Text.Json;

namespace Upbit.Rx.Cli.Recording;

/// <summary>Reads a recording written by <see cref="RecordingWriter"/>: every line must be a <c>{"t":…,"frame":"…"}</c> object.</summary>
internal static class RecordingFile
{
    /// <summary>Loads every frame in file order (blank lines are skipped).</summary>
    /// <exception cref="CliException">The file is missing, unreadable, empty or has a line that is not a recorded frame (exit code 4).</exception>
    public static IReadOnlyList<RecordedFrame> Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.File(path, "cannot read: " + e.Message, e);
        }

        var frames = new List<RecordedFrame>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                frames.Add(Parse(lines[i]) ?? throw CliException.File(
                    path, $"line {i + 1} is not a recorded frame (expected {{\"t\":<unix ms>,\"frame\":\"<frame JSON>\"}})"));
            }
        }

        return frames.Count > 0 ? frames : throw CliException.File(path, "the recording holds no frames");
    }

    /// <summary>Reads one line, or <see langword="null"/> when it is not a recorded frame.</summary>
    public static RecordedFrame? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object &&
                   root.TryGetProperty("t", out var time) && time.ValueKind == JsonValueKind.Number && time.TryGetInt64(out var millis) &&
                   root.TryGetProperty("frame", out var frame) && frame.ValueKind == JsonValueKind.String
                ? new RecordedFrame(millis, frame.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
