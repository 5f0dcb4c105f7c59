using NUnit.Framework;
using Upbit.Rx.Connection;

namespace Upbit.Rx.Tests.Connection;

public sealed class TextQueueTests
{
    [Test]
    public async Task ReadAsync_SeveralWrites_InWriteOrder()
    {
        var queue = new TextQueue();
        queue.TryWrite("a");
        queue.TryWrite("b");
        queue.TryWrite("c");

        var read = new[] { await queue.ReadAsync(), await queue.ReadAsync(), await queue.ReadAsync() };

        Assert.That(read, Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ReadAsync_NothingQueued_WaitsUntilAWrite(CancellationToken cancellationToken)
    {
        var queue = new TextQueue();

        var read = queue.ReadAsync();
        var before = read.IsCompleted;
        queue.TryWrite("a");

        Assert.That((before, await read.WaitAsync(cancellationToken)), Is.EqualTo((false, "a")));
    }

    [Test]
    public async Task ReadAsync_CompletedWithTextQueued_TextThenEnd()
    {
        var queue = new TextQueue();
        queue.TryWrite("a");
        queue.Complete();

        var read = new[] { await queue.ReadAsync(), await queue.ReadAsync(), await queue.ReadAsync() };

        Assert.That(read, Is.EqualTo(new[] { "a", null, null }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ReadAsync_WaitingWhenCompleted_Ends(CancellationToken cancellationToken)
    {
        var queue = new TextQueue();

        var read = queue.ReadAsync();
        var before = read.IsCompleted;
        queue.Complete();

        Assert.That((before, await read.WaitAsync(cancellationToken)), Is.EqualTo((false, (string?)null)));
    }

    [Test]
    public async Task TryWrite_AfterComplete_FalseAndDropped()
    {
        var queue = new TextQueue();
        queue.Complete();

        var written = queue.TryWrite("a");

        Assert.That((written, await queue.ReadAsync()), Is.EqualTo((false, (string?)null)));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task ReadAsync_ManyWritersAtOnce_EveryTextOnceAndEachWritersInOrder(CancellationToken cancellationToken)
    {
        const int Writers = 4;
        const int PerWriter = 5_000;
        var queue = new TextQueue();
        var reader = Task.Run(async () =>
        {
            var all = new List<string>();
            while (await queue.ReadAsync() is { } text)
            {
                all.Add(text);
            }

            return all;
        }, cancellationToken);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                queue.TryWrite($"{w}:{i}");
            }
        }, cancellationToken)));
        queue.Complete();
        var read = await reader;

        Assert.That(read, Has.Count.EqualTo(Writers * PerWriter));
        for (var w = 0; w < Writers; w++)
        {
            var prefix = $"{w}:";
            Assert.That(read.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)), Is.EqualTo(Enumerable.Range(0, PerWriter).Select(i => $"{w}:{i}")));
        }
    }
}
