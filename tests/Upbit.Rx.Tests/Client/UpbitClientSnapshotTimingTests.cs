using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>
/// When a snapshot call over the open socket ends, in virtual time: inside the advance (or the <c>Cancel</c>) that ends
/// it, with its bookkeeping (the linger timer, the switch to idle) on the thread running the clock, at that instant.
/// </summary>
/// <remarks>
/// The codes asked for are not listed by the fake exchange, which ignores them as Upbit does, so each answer is a frame
/// the test pushes at an instant it chooses. <see cref="OneThreadScheduler"/> records work scheduled from any other
/// thread: such work joins the clock at whatever instant that thread reaches it.
/// </remarks>
public sealed class UpbitClientSnapshotTimingTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;
    private static readonly long Millisecond = TimeSpan.TicksPerMillisecond;
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(5);

    [Test]
    public void GetTickersAsync_LastWorkOnTheSocket_EndsWithTheLastAnswerAndTheSocketLingersFromThatInstant()
    {
        var scheduler = new OneThreadScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { Linger = Linger, ValidateCodes = false });
        var disconnectedAt = DisconnectedAt(client, scheduler);
        var live = client.Ticker("KRW-XRP").Subscribe(_ => { });
        scheduler.AdvanceTo(Second);
        var connection = exchange.Connections.Single().Id;

        var fetch = client.GetTickersAsync(["KRW-ZZZ", "KRW-YYY"]);
        live.Dispose();                                                       // the call is the socket's only work now
        exchange.PushFrame(connection, Answer("KRW-ZZZ"), TimeSpan.FromMilliseconds(500));
        exchange.PushFrame(connection, Answer("KRW-YYY"), TimeSpan.FromSeconds(1));
        scheduler.AdvanceTo((3 * Second / 2) + Millisecond);
        var endedAtFirstAnswer = fetch.IsCompleted;
        scheduler.AdvanceTo(2 * Second);
        var endedAt = AdvanceUntilEnded(scheduler, fetch);

        Assert.That(endedAtFirstAnswer, Is.False, "waits for every code");
        Assert.That(endedAt, Is.Not.Null.And.InRange(2 * Second, (2 * Second) + Millisecond), "ends inside the advance that delivers the last answer");
        Assert.That(fetch.Result.Select(t => t.Code), Is.EqualTo(new[] { "KRW-ZZZ", "KRW-YYY" }));
        Assert.That(scheduler.ForeignDueTimes, Is.Empty, "nothing scheduled from another thread");
        scheduler.AdvanceTo(endedAt!.Value + Linger.Ticks);
        Assert.That(disconnectedAt(), Is.EqualTo(endedAt + Linger.Ticks), "the linger starts at the last answer");
    }

    [Test]
    public void GetTickersAsync_NoAnswerWithinTheTimeout_FailsAtTheTimeoutAndTheSocketLingersFromThatInstant()
    {
        var scheduler = new OneThreadScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var options = new UpbitClientOptions { Linger = Linger, ValidateCodes = false, SnapshotTimeout = TimeSpan.FromSeconds(3) };
        using var client = exchange.CreateClient(options);
        var disconnectedAt = DisconnectedAt(client, scheduler);
        var live = client.Ticker("KRW-XRP").Subscribe(_ => { });
        scheduler.AdvanceTo(Second);

        var fetch = client.GetTickersAsync(["KRW-ZZZ"]);
        live.Dispose();
        scheduler.AdvanceTo((4 * Second) - 1);
        var endedBeforeTimeout = fetch.IsCompleted;
        scheduler.AdvanceTo(4 * Second);

        Assert.That((endedBeforeTimeout, fetch.Exception?.InnerException?.GetType()), Is.EqualTo((false, typeof(TimeoutException))));
        Assert.That(scheduler.ForeignDueTimes, Is.Empty, "nothing scheduled from another thread");
        scheduler.AdvanceTo((4 * Second) + Linger.Ticks);
        Assert.That(disconnectedAt(), Is.EqualTo((4 * Second) + Linger.Ticks), "the linger starts at the timeout");
    }

    [Test]
    public void GetTickersAsync_CancelledWhileWaitingOnTheSocket_EndsInsideCancelAndTheSocketLingersFromThatInstant()
    {
        var scheduler = new OneThreadScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { Linger = Linger, ValidateCodes = false });
        var disconnectedAt = DisconnectedAt(client, scheduler);
        var live = client.Ticker("KRW-XRP").Subscribe(_ => { });
        scheduler.AdvanceTo(Second);
        using var cancel = new CancellationTokenSource();

        var fetch = client.GetTickersAsync(["KRW-ZZZ"], cancel.Token);
        live.Dispose();
        scheduler.AdvanceTo(2 * Second);
        cancel.Cancel();

        Assert.That(fetch.IsCanceled, Is.True, "ended inside Cancel");
        Assert.That(scheduler.ForeignDueTimes, Is.Empty, "nothing scheduled from another thread");
        scheduler.AdvanceTo((2 * Second) + Linger.Ticks);
        Assert.That(disconnectedAt(), Is.EqualTo((2 * Second) + Linger.Ticks), "the linger starts at the cancellation");
    }

    [Test]
    public void GetTickersAsync_AnswerDeliveredInsideTheAdvance_ContinuationsStillNeverRunOnTheDeliveringThread()
    {
        var scheduler = new OneThreadScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { ValidateCodes = false });
        using var live = client.Ticker("KRW-XRP").Subscribe(_ => { });
        scheduler.AdvanceTo(Second);
        var fetch = client.GetTickersAsync(["KRW-ZZZ"]);
        var continuedOn = fetch.ContinueWith(_ => Environment.CurrentManagedThreadId, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        exchange.PushFrame(exchange.Connections.Single().Id, Answer("KRW-ZZZ"), TimeSpan.FromSeconds(1));
        scheduler.AdvanceTo((2 * Second) + Millisecond);

        // NB: the test thread delivered the frame; a continuation run there would run on the receive loop of a real
        // client, where a caller blocking on another snapshot call would wait for a frame only that loop can deliver.
        Assert.That(fetch.IsCompletedSuccessfully, Is.True);
        Assert.That(continuedOn.Wait(TimeSpan.FromSeconds(10)), Is.True, "the continuation ran");
        Assert.That(continuedOn.Result, Is.Not.EqualTo(Environment.CurrentManagedThreadId));
    }

    /// <summary>
    /// Advances one tick at a time (at most a millisecond's worth) until <paramref name="call"/> has ended; returns the
    /// virtual time it ended at, or <see langword="null"/>. NB: the exchange hands a pushed frame to the client a tick or
    /// so after its due time; stepping finds that instant without depending on how many hops the fake takes.
    /// </summary>
    private static long? AdvanceUntilEnded(OneThreadScheduler scheduler, Task call)
    {
        for (var end = scheduler.Clock + Millisecond; !call.IsCompleted && scheduler.Clock < end;)
        {
            scheduler.AdvanceBy(1);
        }

        return call.IsCompleted ? scheduler.Clock : null;
    }

    private static byte[] Answer(string code) =>
        FrameEncoder.EncodeUtf8(Make.Ticker(code, 1000m, 1_767_225_600_000, StreamType.Snapshot), WireFormat.Default);

    /// <summary>Watches the public endpoint; returns a reader of the virtual time it last went Disconnected, if it did.</summary>
    private static Func<long?> DisconnectedAt(UpbitClient client, OneThreadScheduler scheduler)
    {
        long? at = null;
        client.ConnectionStates.Subscribe(s =>
        {
            if (s is { Endpoint: "public", Status: ConnectionStatus.Disconnected })
            {
                at = scheduler.Clock;
            }
        });
        return () => at;
    }
}
