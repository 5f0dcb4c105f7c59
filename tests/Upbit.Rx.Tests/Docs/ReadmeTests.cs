using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Upbit.Rx.Tests.Docs;

/// <summary>
/// README.md and <see cref="ReadmeExamplesTests"/> cannot drift: every <c>```csharp</c> block of the README must appear,
/// whitespace-normalised, in ReadmeExamplesTests.cs, where it is compiled (and, unless it needs Upbit itself, run).
/// </summary>
public sealed partial class ReadmeTests
{
    [Test]
    public void Readme_EveryCSharpBlock_IsCompiledByReadmeExamplesTests()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var examples = Normalize(File.ReadAllText(Path.Combine(root, "tests", "Upbit.Rx.Tests", "Docs", "ReadmeExamplesTests.cs")));

        var blocks = CSharpBlock().Matches(readme).Select(m => m.Groups["code"].Value).ToList();
        var missing = blocks.Where(b => !examples.Contains(Normalize(b), StringComparison.Ordinal)).ToList();

        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(5));
        Assert.That(missing, Is.Empty, "README blocks not found verbatim in ReadmeExamplesTests.cs");
    }

    [Test]
    public void Readme_TestCommand_IsTheOneCiRuns()
    {
        var root = RepositoryRoot();

        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var ci = File.ReadAllText(Path.Combine(root, ".ci", "run"));

        Assert.That((readme.Contains("dotnet test Upbit.Rx.sln -c Release", StringComparison.Ordinal), ci.Contains("dotnet test Upbit.Rx.sln -c Release", StringComparison.Ordinal)), Is.EqualTo((true, true)));
    }

    [Test]
    public void Readme_ExitCodeTable_MatchesExitCodes()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        Assert.That(readme, Does.Contain($"| {Upbit.Rx.Cli.ExitCodes.Ok} |").And.Contain($"| {Upbit.Rx.Cli.ExitCodes.RuntimeFailure} |")
            .And.Contain($"| {Upbit.Rx.Cli.ExitCodes.Usage} |").And.Contain($"| {Upbit.Rx.Cli.ExitCodes.Unreachable} |").And.Contain($"| {Upbit.Rx.Cli.ExitCodes.FileProblem} |"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Upbit.Rx.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Upbit.Rx.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    private static string Normalize(string code) => Whitespace().Replace(code, " ").Trim();

    [GeneratedRegex(@"```csharp\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
