using NUnit.Framework;

namespace Upbit.Rx.Tests.Docs;

public sealed class GatewayDocTests
{
    [Test]
    public void Examples_EveryCodeBlockOfTheDoc_IsCompiledHere()
    {
        Assert.That(DocSnippets.CSharpBlocks("docs/gateway.md"), Has.Count.EqualTo(1));
        Assert.That(DocSnippets.MissingFrom("docs/gateway.md", "tests/Upbit.Rx.Tests/Docs/GatewayDocExamples.cs"), Is.Empty);
    }
}
