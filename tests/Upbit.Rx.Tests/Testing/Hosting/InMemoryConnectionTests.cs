using NUnit.Framework;
using Upbit.Rx.Connection;
using Upbit.Rx.Testing.Engine;
using Upbit.Rx.Testing.Hosting;

namespace Upbit.Rx.Tests.Testing.Hosting;

public sealed class InMemoryConnectionTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    [Test]
    public void Abort_WhileOnNextRunsOnAnotherThread_OnErrorWaitsForIt()
    {
        var observer = new BlockingObserver();
        IConnectionSink sink = new InMemoryConnection(observer, 1024);
        var sender = new Thread(() => sink.Send(new byte[] { 1 }, false));
        var aborter = new Thread(sink.Abort);

        sender.Start();
        Assert.That(observer.Entered.Wait(s_bound), Is.True);
        aborter.Start();
        // NB: the aborter either finishes (unserialized: OnError inside OnNext) or blocks on the connection's lock.
        SpinWait.SpinUntil(() => !aborter.IsAlive || (aborter.ThreadState & ThreadState.WaitSleepJoin) != 0, s_bound);
        observer.Release.Set();
        sender.Join(s_bound);
        aborter.Join(s_bound);

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
