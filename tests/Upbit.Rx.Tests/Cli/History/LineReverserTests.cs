using System.Text;
using NUnit.Framework;
using Upbit.Rx.Cli.History;

namespace Upbit.Rx.Tests.Cli.History;

public sealed class LineReverserTests
{
    [TestCase("", "")]
    [TestCase("a\n", "a\n")]
    [TestCase("a\nb\nc\n", "c\nb\na\n")]
    [TestCase("a\nb", "b\na\n")]
    [TestCase("a\n\nb\n", "b\n\na\n")]
    public async Task CopyReversed_SmallFile_LinesInReverseOrder(string source, string expected)
    {
        Assert.That(await Reverse(source), Is.EqualTo(expected));
    }

    [Test]
    public async Task CopyReversed_LinesAcrossManyBlocks_EveryLineWholeAndReversed()
    {
        // NB: lines of varied lengths (some longer than one 64 KiB block) so block edges fall inside lines, on '\n's
        // and inside multi-byte characters.
        var random = new Random(7);
        var lines = Enumerable.Range(0, 5_000)
            .Select(i => i % 997 == 0 ? new string('한', 40_000) + i : $"{i},{new string('x', random.Next(0, 120))}")
            .ToList();
        var source = string.Join("\n", lines) + "\n";

        var reversed = await Reverse(source);

        Assert.That(reversed, Is.EqualTo(string.Join("\n", Enumerable.Reverse(lines)) + "\n"));
    }

    private static async Task<string> Reverse(string text)
    {
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var target = new MemoryStream();
        await LineReverser.CopyReversedAsync(source, target);
        return Encoding.UTF8.GetString(target.ToArray());
    }
}
