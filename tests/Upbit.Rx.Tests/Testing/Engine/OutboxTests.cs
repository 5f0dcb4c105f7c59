using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Server;

namespace Upbit.Rx.Tests.Testing.Engine;

public sealed class OutboxTests
{
    private static readonly long s_ms = TimeSpan.TicksPerMillisecond;

    [Test]
    public void Enqueue_ShorterDelayAfterLongerOne_OrderKeptAndDelaysOnlyPostpone()
    {
        var scheduler = new TestScheduler();
        var sink = new RecordingSink(scheduler);
        var outbox = new Outbox(scheduler, sink);

        outbox.Enqueue(TimeSpan.FromMilliseconds(100), s => s.Send(new byte[] { 1 }, false));
        outbox.Enqueue(TimeSpan.Zero, s => s.Send(new byte[] { 2 }, false));
        outbox.Enqueue(TimeSpan.FromMilliseconds(300), s => s.Close(1000));
        scheduler.AdvanceBy(1000 * s_ms);

        Assert.That(sink.Events, Is.EqualTo(new[] { (100 * s_ms, "send 1"), (100 * s_ms, "send 2"), (300 * s_ms, "close 1000") }));
    }

    [Test]
    public void End_WithQueuedFrames_DropsThemAndRefusesMore()
    {
        var scheduler = new TestScheduler();
        var sink = new RecordingSink(scheduler);
        var outbox = new Outbox(scheduler, sink);
        var delivered = 0;
        outbox.Delivered += () => delivered++;

        outbox.Enqueue(TimeSpan.Zero, s => s.Send(new byte[] { 1 }, false));
        scheduler.AdvanceBy(1);
        outbox.Enqueue(TimeSpan.FromMilliseconds(5), s => s.Send(new byte[] { 2 }, false));
        outbox.End();
        outbox.Enqueue(TimeSpan.Zero, s => s.Send(new byte[] { 3 }, false));
        scheduler.AdvanceBy(100 * s_ms);

        Assert.That(sink.Events, Is.EqualTo(new[] { (1L, "send 1") }));
        Assert.That(delivered, Is.EqualTo(1));
    }

    private sealed class RecordingSink(TestScheduler scheduler) : IConnectionSink
    {
        public List<(long, string)> Events { get; } = [];

        public void Send(ReadOnlyMemory<byte> payload, bool isText) => Events.Add((scheduler.Clock, "send " + string.Join(",", payload.ToArray())));

        public void Close(int status) => Events.Add((scheduler.Clock, "close " + status));

        public void Abort() => Events.Add((scheduler.Clock, "abort"));
    }
}
