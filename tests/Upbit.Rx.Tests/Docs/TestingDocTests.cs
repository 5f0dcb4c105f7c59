using NUnit.Framework;

namespace Upbit.Rx.Tests.Docs;

public sealed class TestingDocTests
{
    [Test]
    public void Examples_EveryCodeBlockOfTheDoc_IsCompiledInATest()
    {
        const string Doc = "docs/testing.md";
        var missing = DocSnippets.MissingFrom(Doc, "tests/Upbit.Rx.Tests/Docs/TestingDocExamples.cs")
            .Intersect(DocSnippets.MissingFrom(Doc, "tests/Upbit.Rx.IntegrationTests/Docs/TestingDocExamples.cs"));

        Assert.That(DocSnippets.CSharpBlocks(Doc), Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(missing, Is.Empty);
    }
}
