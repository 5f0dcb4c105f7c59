using System.Text.RegularExpressions;
using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.IntegrationTests.Cli;

namespace Upbit.Rx.IntegrationTests.Docs;

/// <summary>
/// The README's main command (<c>dotnet run --project src/Upbit.Rx.Cli -- watch ticker … --simulate</c>), its arguments
/// read from README.md, run in-process on an 80×24 and a 120-column terminal: it must draw the ticker table for every
/// code it names, within the width.
/// </summary>
[NonParallelizable]
public sealed partial class ReadmeCommandTests
{
    [TestCase(80)]
    [TestCase(120)]
    [CancelAfter(30_000)]
    public async Task MainCommand_OnATerminal_DrawsTheTickersWithinTheWidth(int width, CancellationToken cancellationToken)
    {
        var args = MainCommandArguments();
        var run = new CliRun();

        var exit = await run.RunInTerminalAsync(width, cancellationToken, [.. args, "--for", "2s"]);

        var lines = run.Out.Split('\n').Select(l => l.TrimEnd('\r', ' ')).ToList();
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(args, Is.EqualTo(new[] { "watch", "ticker", "KRW-BTC", "KRW-ETH", "--simulate" }));
        foreach (var code in new[] { "KRW-BTC", "KRW-ETH" })
        {
            Assert.That(lines.Any(l => Regex.IsMatch(l, $@"{code}\s*│\s*\d{{1,3}}(,\d{{3}})+")), Is.True, $"{code} row with a whole price:\n{run.Out}");
        }

        // NB: a non-interactive Live display writes each refresh straight after the previous status line, so only the
        // table rows are whole lines here; ScreenWidthTests checks the status line's width.
        Assert.That(lines.Where(l => l.IndexOfAny(['│', '╭', '╰']) == 0).Select(l => l.Length), Has.All.LessThanOrEqualTo(width), run.Out);
        Assert.That(run.Out, Does.Contain("Ctrl+C to quit"));
    }

    private static string[] MainCommandArguments()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var line = MainCommand().Match(readme);
        Assert.That(line.Success, Is.True, "README.md names the main command");
        return line.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Upbit.Rx.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Upbit.Rx.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^dotnet run --project src/Upbit\.Rx\.Cli -- (?<args>watch [^\r\n#]*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex MainCommand();
}
