using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Cli.Recording;

namespace Upbit.Rx.Tests.Cli.Recording;

public sealed class RecordingFileTests
{
    [TestCase("""{"t":5,"frame":"{}"}""", 5L, "{}")]
    [TestCase("""{"frame":"x","t":1795305993083,"extra":true}""", 1795305993083L, "x")]
    public void Parse_RecordedLine_GivesTimeAndText(string line, long time, string frame)
    {
        Assert.That(RecordingFile.Parse(line), Is.EqualTo(new RecordedFrame(time, frame)));
    }

    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("""{"t":"5","frame":"{}"}""")]
    [TestCase("""{"t":5.5,"frame":"{}"}""")]
    [TestCase("""{"t":5,"frame":{}}""")]
    [TestCase("""{"frame":"{}"}""")]
    [TestCase("""{"t":5}""")]
    public void Parse_OtherLine_IsNull(string line)
    {
        Assert.That(RecordingFile.Parse(line), Is.Null);
    }

    [Test]
    public void Load_BadLine_NamesFileAndLine()
    {
        var path = Write("{\"t\":1,\"frame\":\"{}\"}\n\n{\"t\":2}\n");
        try
        {
            var error = Assert.Throws<CliException>(() => RecordingFile.Load(path));

            Assert.That((error!.ExitCode, error.Message), Is.EqualTo((ExitCodes.FileProblem, $"{path}: line 3 is not a recorded frame (expected {{\"t\":<unix ms>,\"frame\":\"<frame JSON>\"}}); --skip-bad skips such lines")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_EmptyFile_IsAFileProblem()
    {
        var path = Write("\n\n");
        try
        {
            var error = Assert.Throws<CliException>(() => RecordingFile.Load(path));

            Assert.That(error!.Message, Is.EqualTo(path + ": the recording holds no frames"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_SkipBadWithLineCutShort_SkipsAndCountsIt()
    {
        var path = Write("{\"t\":1,\"frame\":\"{}\"}\n{\"t\":2,\"frame\":\"{\\\"a\\\":1}\"}\n{\"t\":3,\"fra");
        try
        {
            var (frames, skipped) = RecordingFile.Load(path, skipBad: true);

            Assert.That(frames, Is.EqualTo(new[] { new RecordedFrame(1, "{}"), new RecordedFrame(2, "{\"a\":1}") }));
            Assert.That(skipped, Is.EqualTo(1));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_Directory_SaysItIsADirectory()
    {
        var path = Directory.CreateTempSubdirectory("upbit-rx-").FullName;
        try
        {
            var error = Assert.Throws<CliException>(() => RecordingFile.Load(path));

            Assert.That((error!.ExitCode, error.Message), Is.EqualTo((ExitCodes.FileProblem, path + ": is a directory, not a recording")));
        }
        finally
        {
            Directory.Delete(path);
        }
    }

    private static string Write(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"upbit-rx-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, content);
        return path;
    }
}
