using NUnit.Framework;
using Upbit.Rx.Cli.Recording;

namespace Upbit.Rx.IntegrationTests.Cli;

/// <summary>Writes recordings from the sample frames in Fixtures/ for replay tests.</summary>
internal static class Recordings
{
    public static string Fixture(string name) => File.ReadAllText(System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name));

    public static string TempPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"upbit-rx-{Guid.NewGuid():N}.jsonl");

    public static string Write(params RecordedFrame[] frames)
    {
        var path = TempPath();
        using var writer = RecordingWriter.Create(path);
        foreach (var frame in frames)
        {
            writer.Write(frame);
        }

        return path;
    }
}
