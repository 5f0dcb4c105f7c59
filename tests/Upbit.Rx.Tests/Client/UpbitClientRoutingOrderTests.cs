using System.Collections.Concurrent;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Support;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Client;

/// <summary>No frame of a replaced connection is routed after its successor has opened, across threads.</summary>
public sealed class UpbitClientRoutingOrderTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    [CancelAfter(20_000)]
    public void Reconnect_OldFrameStillInHandlers_NewConnectionRoutesOnlyAfterIt(CancellationToken cancellationToken)
    {
        var scheduler = new TestScheduler();
        var transport = new ManualTransport();
        var options = new UpbitClientOptions
        {
            Scheduler = scheduler,
            Credentials = new UpbitCredentials("access", "secret"),
            Reconnect = new BackoffOptions { Jitter = BackoffJitter.None },
            ValidateCodes = false,
        };
        using var client = new UpbitClient(options with { Transport = transport });
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var seen = new ConcurrentQueue<string>();

        // NB: a myOrder event goes to its code's feed, then to the all-markets feed; the slow handler on the first
        // keeps the old frame in routing while the connection is replaced and the new one opens on another thread.
        using var slow = client.MyOrder("KRW-BTC").Subscribe(_ =>
        {
            entered.Set();
            release.Wait(cancellationToken);
        });
        using var all = client.MyOrder().Subscribe(o => seen.Enqueue(o.Uuid));
        var first = transport.Take(0, cancellationToken);
        first.Open();
        var old = Task.Run(() => first.Push(Frame("KRW-BTC", "old")), cancellationToken);
        entered.Wait(cancellationToken);
        first.Fail(new IOException("dropped"));
        var next = Task.Run(
            () =>
            {
                scheduler.AdvanceBy(2 * Second);
                var second = transport.Take(1, cancellationToken);
                second.Open();
                second.Push(Frame("KRW-ETH", "new"));
            },
            cancellationToken);

        while (client.PrivateConnection.RoutingWaits == 0 && seen.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Thread.Yield();
        }

        release.Set();
        Task.WaitAll([old, next], cancellationToken);

        Assert.That(seen, Is.EqualTo(new[] { "old", "new" }));
        Assert.That(client.PrivateConnection.RoutingWaits, Is.EqualTo(1));
    }

    private static byte[] Frame(string code, string uuid) =>
        FrameEncoder.EncodeUtf8(PrivateMessages.Order(code, uuid) with { StreamType = StreamType.Realtime }, WireFormat.Default);
}
