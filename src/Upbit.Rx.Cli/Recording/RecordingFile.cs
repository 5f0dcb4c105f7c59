using System.Text.Json;

namespace Upbit.Rx.Cli.Recording;

/// <summary>Reads a recording written by <see cref="RecordingWriter"/>: every line must be a <c>{"t":…,"frame":"…"}</c> object.</summary>
internal static class RecordingFile
{
    /// <summary>Loads every frame in file order (blank lines are skipped).</summary>
    /// <exception cref="CliException">The file is missing, a directory, unreadable, empty or has a line that is not a recorded frame (exit code 4).</exception>
    public static IReadOnlyList<RecordedFrame> Load(string path) => Load(path, skipBad: false).Frames;

    /// <summary>
    /// Loads every frame in file order (blank lines are skipped); with <paramref name="skipBad"/>, lines that are not
    /// recorded frames (such as the last line of a file cut mid-write) are skipped and counted instead of failing.
    /// </summary>
    /// <exception cref="CliException">The file is missing, a directory, unreadable or holds no frame, or (without
    /// <paramref name="skipBad"/>) has a line that is not a recorded frame (exit code 4).</exception>
    public static (IReadOnlyList<RecordedFrame> Frames, int Skipped) Load(string path, bool skipBad)
    {
        if (Directory.Exists(path))
        {
            throw CliException.File(path, "is a directory, not a recording");
        }

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
        var skipped = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            if (Parse(lines[i]) is { } frame)
            {
                frames.Add(frame);
            }
            else if (skipBad)
            {
                skipped++;
            }
            else
            {
                throw CliException.File(
                    path, $"line {i + 1} is not a recorded frame (expected {{\"t\":<unix ms>,\"frame\":\"<frame JSON>\"}}); --skip-bad skips such lines");
            }
        }

        return frames.Count > 0
            ? (frames, skipped)
            : throw CliException.File(path, skipped > 0 ? $"the recording holds no frames ({skipped} malformed line(s) skipped)" : "the recording holds no frames");
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
