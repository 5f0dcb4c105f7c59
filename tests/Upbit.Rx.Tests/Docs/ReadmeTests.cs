using NUnit.Framework;

namespace Upbit.Rx.Tests.Docs;

/// <summary>
/// README.md and <see cref="ReadmeExamplesTests"/> cannot drift: every <c>```csharp</c> block of the README must appear,
/// whitespace-normalised, in ReadmeExamplesTests.cs, where it is compiled (and, unless it needs Upbit itself, run).
/// </summary>
public sealed class ReadmeTests
{
    [Test]
    public void Readme_EveryCSharpBlock_IsCompiledByReadmeExamplesTests()
    {
        Assert.That(DocSnippets.CSharpBlocks("README.md"), Has.Count.GreaterThanOrEqualTo(5));
        Assert.That(DocSnippets.MissingFrom("README.md", "tests/Upbit.Rx.Tests/Docs/ReadmeExamplesTests.cs"), Is.Empty, "README blocks not found verbatim in ReadmeExamplesTests.cs");
    }

    [Test]
    public void Readme_QuickStart_IsRunVerbatimAgainstTheLoopbackServer()
    {
        var quickStart = DocSnippets.CSharpBlocks("README.md")[0];

        Assert.That(quickStart, Does.Contain("new UpbitClient()").And.Contain("Console.ReadLine()"));
        Assert.That(DocSnippets.MissingFrom("README.md", "tests/Upbit.Rx.IntegrationTests/Docs/QuickStart/ReadmeQuickStartTests.cs"), Does.Not.Contain(quickStart));
    }

    [Test]
    public void Readme_TestCommand_IsTheOneCiRuns()
    {
        var root = DocSnippets.RepositoryRoot();

        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var ci = File.ReadAllText(Path.Combine(root, ".ci", "run"));

        Assert.That((readme.Contains("dotnet test Upbit.Rx.sln -c Release", StringComparison.Ordinal), ci.Contains("dotnet test Upbit.Rx.sln -c Release", StringComparison.Ordinal)), Is.EqualTo((true, true)));
    }

    [Test]
    public void Readme_ExitCodeTable_MatchesExitCodes()
    {
        var readme = File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot(), "README.md"));

        Assert.That(readme, Does.Contain($"| {Upbit.Rx.Cli.ExitCodes.Ok} |").And.Contain($"| {Upbit.Rx.Cli.ExitCodes.RuntimeFailure} |")
            .And.Contain($"| {Upbit.Rx.Cli.ExitCodes.Usage} |").And.Contain($"| {Upbit.Rx.Cli.ExitCodes.Unreachable} |").And.Contain($"| {Upbit.Rx.Cli.ExitCodes.FileProblem} |"));
    }
}
