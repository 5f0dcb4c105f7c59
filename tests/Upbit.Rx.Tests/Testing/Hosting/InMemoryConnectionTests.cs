using NUnit.Framework;
using Upbit.Rx.Server;

using Upbit.Rx.Transport;

namespace Upbit.Rx.Tests.Testing.Hosting;

public sealed class InMemoryConnectionTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    [Test]
    [CancelAfter(60_000)]
    public void Abort_WhileOnNextBlocksOnAnotherThread_ReturnsAtOnceAndErrorFollowsThatOnNext()
    {
        var observer = new BlockingObserver();
        IConnectionSink sink = new InMemoryConnection(observer, 1024);
        var sender = new Thread(() => sink.Send(new byte[] { 1 }, false)) { IsBackground = true };
        var aborter = new Thread(sink.Abort) { IsBackground = true };

        sender.Start();
        Assert.That(observer.Entered.Wait(s_bound), Is.True);
        aborter.Start();

        // NB: the user code behind the observer may wait for the thread that drops the connection; the drop must not
        // wait for it in turn (no observer call under the fake's lock).
        Assert.That(aborter.Join(s_bound), Is.True, "Abort waited for an OnNext running on another thread");
        Assert.That(observer.Events, Is.EqualTo(new[] { "next begins" }), "OnError never overlaps the OnNext in progress");
        observer.Release.Set();
        Assert.That(sender.Join(s_bound), Is.True);

        Assert.That(observer.Events, Is.EqualTo(new[] { "next begins", "next ends", "error" }));
    }

    [Test]
    public void Send_AfterAbort_NothingMoreReachesObserver()
    {
        var observer = new BlockingObserver();
        observer.Release.Set();
        IConnectionSink sink = new InMemoryConnection(observer, 1024);

        sink.Abort();
        sink.Send(new byte[] { 1 }, false);
        sink.Close(1000);

        Assert.That(observer.Events, Is.EqualTo(new[] { "error" }));
    }

    private sealed class BlockingObserver : IObserver<TransportEvent>
    {
        private readonly object _gate = new();
        private readonly List<string> _events = [];

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public IReadOnlyList<string> Events
        {
            get
            {
                lock (_gate)
                {
                    return [.. _events];
                }
            }
        }

        public void OnNext(TransportEvent value)
        {
            Add("next begins");
            Entered.Set();
            Release.Wait(s_bound);
            Add("next ends");
        }

        public void OnError(Exception error) => Add("error");

        public void OnCompleted() => Add("completed");

        private void Add(string text)
        {
            lock (_gate)
            {
                _events.Add(text);
            }
        }
    }
}
