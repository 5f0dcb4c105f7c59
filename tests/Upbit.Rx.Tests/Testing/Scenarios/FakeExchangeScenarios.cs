using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing.Scenarios;

/// <summary>
/// The behaviour of the fake exchange, item by item of the protocol reference's §10, written once and run against
/// every host (in memory on a TestScheduler, and the loopback WebSocket server).
/// </summary>
public abstract partial class FakeExchangeScenarios
{
    /// <summary>Short intervals so real-socket runs finish in seconds (virtual time does not care), and a market
    /// that does not tick, so every frame a test sees is one it asked for.</summary>
    protected static FakeExchangeOptions Quiet { get; } = new()
    {
        StatusInterval = TimeSpan.FromMilliseconds(500),
        IdleTimeout = TimeSpan.FromSeconds(3),
        ErrorCloseDelay = TimeSpan.FromMilliseconds(150),
        Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromHours(1) },
    };

    /// <summary><see cref="Quiet"/> with a market ticking every 100 ms.</summary>
    protected static FakeExchangeOptions Ticking { get; } = Quiet with { Market = Quiet.Market with { TickInterval = TimeSpan.FromMilliseconds(100) } };

    protected abstract Task<IExchangeHost> CreateHostAsync(FakeExchangeOptions options);

    protected static string ErrorJson(string name, string message) =>
        "{\"error\":{\"name\":\"" + name + "\",\"message\":\"" + message + "\"}}";

    /// <summary>The first frame is exactly <paramref name="json"/>, a binary frame, and a close 1000 follows.</summary>
    protected static async Task AssertErrorThenCloseAsync(IFakeClient client, string json)
    {
        var frames = await client.ReceiveAsync(1);
        var end = await client.EndAsync();
        Assert.Multiple(() =>
        {
            Assert.That(frames[0], Is.EqualTo(new ReceivedFrame(false, json)));
            Assert.That(client.Frames, Has.Count.EqualTo(1));
            Assert.That(end, Is.EqualTo(ClientEnd.Closed(1000)));
        });
    }

    /// <summary>Proves the connection is still open and serving: a LIST_SUBSCRIPTIONS request gets its reply.</summary>
    protected static async Task AssertStillServingAsync(IFakeClient client)
    {
        var before = client.Frames.Count;
        await client.SendAsync(Requests.List("alive"));
        for (var count = before + 1; count <= before + 10; count++)
        {
            var frames = await client.ReceiveAsync(count);
            if (frames[^1].Message is SubscriptionList { Ticket: "alive" })
            {
                return;
            }
        }

        Assert.Fail("no LIST_SUBSCRIPTIONS reply among the next 10 frames");
    }

    /// <summary>Books compare without their timestamp (a book is stamped when it is sent).</summary>
    protected static Orderbook Unstamped(UpbitMessage message) => ((Orderbook)message) with { Timestamp = 0 };
}
