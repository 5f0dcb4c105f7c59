using System.Diagnostics;
using NUnit.Framework;
using Upbit.Rx.Cli;

namespace Upbit.Rx.IntegrationTests.Cli;

/// <summary>The real <c>upbit-rx</c> process and POSIX signals: each ends a recording cleanly, with its summary.</summary>
[NonParallelizable]
[Platform(Exclude = "Win")]
public sealed class SignalTests
{
    private const int SigHup = 1;

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

        // NB: not Process.Start: under nohup the child would inherit SIGHUP ignored and outlive the signal (a 60 s hang).
        using var process = HangUpDisposition.Start(start);
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
            Assert.That(IgnoredSignals(process.Id) & (1UL << (SigHup - 1)), Is.Zero, "the child ignores SIGHUP, so a hang-up cannot end it");
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

    // NB: Linux only (/proc); elsewhere 0, which skips the check.
    internal static ulong IgnoredSignals(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
    }
}
