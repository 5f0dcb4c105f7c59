using System.Diagnostics;
using NUnit.Framework;
using Upbit.Rx.Cli;

namespace Upbit.Rx.IntegrationTests.Cli;

/// <summary>The real <c>upbit-rx</c> process and POSIX signals: each ends a recording cleanly, with its summary.</summary>
[NonParallelizable]
[Platform(Exclude = "Win")]
public sealed class SignalTests
{
    [TestCase("HUP")] // the terminal went away
    [TestCase("TERM")]
    [CancelAfter(60_000)]
    public async Task Record_Signal_StopsWithTheSummaryAndExitZero(string signal, CancellationToken cancellationToken)
    {
        var path = Recordings.TempPath();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "upbit-rx.dll"), "record", "ticker,trade", "KRW-BTC", "--simulate", "--out", path })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            // NB: wait for the first frame on disk (the summary must count it), then signal.
            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite | NotifyFilters.FileName,
            };
            watcher.Changed += (_, _) => written.TrySetResult();
            watcher.EnableRaisingEvents = true;
            var started = await process.StandardError.ReadLineAsync(cancellationToken);
            if (File.Exists(path) && new FileInfo(path).Length > 0)
            {
                written.TrySetResult();
            }

            await written.Task.WaitAsync(cancellationToken);
            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cancellationToken);
            }

            var rest = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);

            Assert.That(started, Does.StartWith("upbit-rx: recording ticker,trade of KRW-BTC"));
            Assert.That(process.ExitCode, Is.EqualTo(ExitCodes.Ok), rest);
            Assert.That(rest, Does.Match(@"upbit-rx: recorded [1-9]\d* frame\(s\) to "), rest);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            File.Delete(path);
        }
    }
}
