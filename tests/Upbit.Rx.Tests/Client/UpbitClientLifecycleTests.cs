using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>Dispose, re-entrant handlers and threads: nothing leaks, nothing hangs, nothing runs under a lock.</summary>
public sealed class UpbitClientLifecycleTests
{
    [Test]
    public void Dispose_FromTheConnectingHandler_ClosesTheSocketOpenedRightAfter()
    {
        var transport = new ScriptedTransport();
        var client = new UpbitClient(new UpbitClientOptions { Scheduler = new TestScheduler(), Transport = transport, ValidateCodes = false });
        using var watch = client.ConnectionStates.Subscribe(s =>
        {
            if (s.Status == ConnectionStatus.Connecting)
            {
                client.Dispose();
            }
        });

        using var sub = client.Ticker("KRW-BTC").Subscribe(_ => { });

        Assert.That(transport.Open, Is.EqualTo(0));
    }

    [Test]
    public async Task Dispose_WhileSnapshotPending_FailsItWithObjectDisposed()
    {
        var scheduler = new TestScheduler();
        // NB: in-memory REST that answers only after an hour, so the snapshot is pending (over REST: no socket is open).
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        exchange.InjectRestFault(RestFault.Slow(TimeSpan.FromHours(1)), pathPrefix: "/v1/ticker");
        using var http = exchange.CreateHttpClient();
        var client = new UpbitClient(new UpbitClientOptions { Scheduler = scheduler, Transport = new ScriptedTransport(), HttpClient = http, ValidateCodes = false });
        var pending = client.GetTickersAsync(["KRW-BTC"]);
        scheduler.AdvanceBy(TimeSpan.TicksPerSecond);

        client.Dispose();

        Assert.That(await Assert.ThrowsAsync<ObjectDisposedException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5))), Is.Not.Null);
        Assert.Throws<ObjectDisposedException>(() => client.GetTickersAsync(["KRW-BTC"]).GetAwaiter().GetResult());
    }

    [Test]
    public void Dispose_LiveStreams_CompleteAndStatesComplete()
    {
        var scheduler = new TestScheduler();
        var client = new UpbitClient(new UpbitClientOptions { Scheduler = scheduler, Transport = new ScriptedTransport(), ValidateCodes = false });
        var completed = 0;
        using var a = client.Ticker("KRW-BTC").Subscribe(_ => { }, () => completed++);
        using var b = client.Trade("KRW-ETH").Subscribe(_ => { }, () => completed++);
        using var states = client.ConnectionStates.Subscribe(_ => { }, () => completed++);
        scheduler.AdvanceBy(TimeSpan.TicksPerSecond);

        client.Dispose();

        Assert.That(completed, Is.EqualTo(3));
    }

    [Test]
    public void StatesHandler_CallsBackIntoTheClientWhileAnotherThreadChangesState_NoDeadlock()
    {
        var options = new UpbitClientOptions
        {
            Scheduler = new TestScheduler(),
            Credentials = new UpbitCredentials("access-key", "secret-key"),
            ValidateCodes = false,
        };
        using var client = new UpbitClient(options with { Transport = new ScriptedTransport(failFirst: int.MaxValue) });
        var ticker = client.Ticker("KRW-BTC").Subscribe(_ => { });
        var armed = 1;
        using var watch = client.ConnectionStates.Subscribe(s =>
        {
            if (s.Endpoint == "private" && s.Status == ConnectionStatus.Connecting && Interlocked.Exchange(ref armed, 0) == 1)
            {
                var other = new Thread(() => ticker.Dispose()) { IsBackground = true };
                other.Start();
                Assert.That(other.Join(TimeSpan.FromSeconds(5)), Is.True, "the other thread is not blocked by this handler");
                _ = client.GetHealth();
            }
        });

        var run = Task.Run(() => client.MyAsset().Subscribe(_ => { }));

        Assert.That(run.Wait(TimeSpan.FromSeconds(10)), Is.True, "deadlock between the state handler and the supervisor");
    }

    [Test]
    public void Options_SynchronousScheduler_Refused()
    {
        Assert.Throws<ArgumentException>(() => new UpbitClient(new UpbitClientOptions { Scheduler = System.Reactive.Concurrency.ImmediateScheduler.Instance }));
    }
}
