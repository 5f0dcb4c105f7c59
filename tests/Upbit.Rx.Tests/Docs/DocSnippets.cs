using System.Text.RegularExpressions;

namespace Upbit.Rx.Tests.Docs;

/// <summary>
/// Keeps documentation code honest: every <c>```csharp</c> block of a doc must appear, whitespace aside, in a test
/// source file that the build compiles.
/// </summary>
internal static partial class DocSnippets
{
    /// <summary>The repository root (the folder holding Upbit.Rx.sln), found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Upbit.Rx.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Upbit.Rx.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The C# code blocks of a Markdown file under the repository root.</summary>
    public static IReadOnlyList<string> CSharpBlocks(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), relativePath));
        return [.. CSharpBlock().Matches(text).Select(m => m.Groups[1].Value)];
    }

    /// <summary>The blocks of <paramref name="docPath"/> that do not appear in <paramref name="sourcePath"/>.</summary>
    public static IReadOnlyList<string> MissingFrom(string docPath, string sourcePath)
    {
        var source = Normalize(File.ReadAllText(Path.Combine(RepositoryRoot(), sourcePath)));
        return [.. CSharpBlocks(docPath).Where(block => !source.Contains(Normalize(block), StringComparison.Ordinal))];
    }

    private static string Normalize(string code) => Whitespace().Replace(code, " ").Trim();

    [GeneratedRegex(@"```csharp\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
