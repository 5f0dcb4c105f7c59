using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Cli.Recording;

namespace Upbit.Rx.Tests.Cli.Recording;

public sealed class RecordingWriterTests
{
    [Test]
    public void Line_Frame_IsOneJsonObjectWithTimeAndFrameText()
    {
        var line = RecordingWriter.Line(new RecordedFrame(1758875206936, """{"type":"ticker","code":"KRW-BTC","trade_price":158200000.0}"""));

        Assert.That(line, Is.EqualTo("""{"t":1758875206936,"frame":"{\"type\":\"ticker\",\"code\":\"KRW-BTC\",\"trade_price\":158200000.0}"}"""));
    }

    [Test]
    public void Write_ThenLoad_RoundTripsEveryFrameExactly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"upbit-rx-{Guid.NewGuid():N}.jsonl");
        RecordedFrame[] frames =
        [
            new(1, "{\"status\":\"UP\"}"),
            new(2, "{\n  \"type\": \"trade\",\n  \"code\": \"KRW-BTC\"\n}"),
            new(3, "{\"type\":\"announcement\",\"title\":\"공지 \\u0041 <b>&</b>\"}"),
        ];
        try
        {
            using (var writer = RecordingWriter.Create(path))
            {
                foreach (var frame in frames)
                {
                    writer.Write(frame);
                }
            }

            Assert.That(RecordingFile.Load(path), Is.EqualTo(frames));
            Assert.That(File.ReadAllLines(path), Has.Length.EqualTo(3));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Create_DirectoryMissing_ThrowsFileProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "x.jsonl");

        var error = Assert.Throws<CliException>(() => RecordingWriter.Create(path));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.FileProblem));
        Assert.That(error.Message, Does.StartWith(path + ": cannot write: "));
    }

    [Test]
    public void Create_FileExists_RefusesAndLeavesItAlone()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "76 frames");
        try
        {
            var error = Assert.Throws<CliException>(() => RecordingWriter.Create(path));

            Assert.That((error!.ExitCode, error.Message), Is.EqualTo((ExitCodes.FileProblem, path + ": already exists; add --force to overwrite it")));
            Assert.That(File.ReadAllText(path), Is.EqualTo("76 frames"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Create_FileExistsWithOverwrite_ReplacesIt()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "76 frames");
        try
        {
            using (var writer = RecordingWriter.Create(path, overwrite: true))
            {
                writer.Write(new RecordedFrame(1, "{}"));
            }

            Assert.That(RecordingFile.Load(path), Is.EqualTo(new[] { new RecordedFrame(1, "{}") }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void DeleteIfEmpty_NothingWritten_RemovesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"upbit-rx-{Guid.NewGuid():N}.jsonl");
        using (var writer = RecordingWriter.Create(path))
        {
            writer.DeleteIfEmpty();
        }

        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void DeleteIfEmpty_FramesWritten_KeepsTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"upbit-rx-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var writer = RecordingWriter.Create(path))
            {
                writer.Write(new RecordedFrame(1, "{}"));
                writer.DeleteIfEmpty();
            }

            Assert.That(File.ReadAllLines(path), Has.Length.EqualTo(1));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
