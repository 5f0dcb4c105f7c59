using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>Keep-alive within the message budget, a watchdog that wants decodable frames, and what a reconnect hands existing subscribers.</summary>
public sealed class UpbitClientLinkHealthTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;
    private static readonly string[] Codes = ["KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE"];

    [Test]
    public void Frames_HalfAVirtualHourOfChurnDropsAndQuietSpells_NeverOverBudgetPingIncluded()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { RandomSeed = 11, KeepAliveInterval = TimeSpan.FromSeconds(3), ValidateCodes = false });
        var random = new Random(42);
        var live = new List<IDisposable>();
        var failures = 0;
        while (scheduler.Clock < 1800 * Second)
        {
            if (live.Count > 0 && random.Next(2) == 0)
            {
                var index = random.Next(live.Count);
                live[index].Dispose();
                live.RemoveAt(index);
            }
            else
            {
                live.Add(client.Ticker(Codes[random.Next(Codes.Length)]).Subscribe(_ => { }, _ => failures++));
            }

            switch (random.Next(40))
            {
                case 0 when exchange.Connections.LastOrDefault(c => c.IsOpen) is { } open:
                    exchange.Drop(open.Id);
                    break;
                case 1:
                    scheduler.AdvanceBy(random.Next(5, 30) * Second);
                    break;
            }

            scheduler.AdvanceBy(random.Next(20, 400) * TimeSpan.TicksPerMillisecond);
        }

        var pings = exchange.Requests.Count(r => r.Text == "PING");
        Assert.That(pings, Is.GreaterThan(10), "the run must exercise keep-alives");
        Assert.That(exchange.Connections, Has.Count.GreaterThan(5), "the run must exercise reconnects");
        Assert.That(failures, Is.Zero);
        foreach (var connection in exchange.Requests.GroupBy(r => r.ConnectionId))
        {
            var ticks = connection.Select(r => r.Ticks).Order().ToArray();
            Assert.That(MostInAnyWindow(ticks, Second), Is.LessThanOrEqualTo(5), $"1 s window on connection {connection.Key}");
            Assert.That(MostInAnyWindow(ticks, 60 * Second), Is.LessThanOrEqualTo(100), $"60 s window on connection {connection.Key}");
        }
    }

    [Test]
    public void IdleWatchdog_OnlyUndecodableFramesArrive_ConnectionReplaced()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { IdleTimeout = TimeSpan.FromSeconds(30) });
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var tickers = new Recorder<Ticker>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(tickers);
        scheduler.AdvanceBy(2 * Second);
        var first = exchange.Connections[0].Id;

        exchange.Stall(first);
        for (var i = 1; i <= 20; i++)
        {
            exchange.PushMalformedFrame(first, TimeSpan.FromSeconds(2 * i));
        }

        scheduler.AdvanceBy(40 * Second);

        Assert.That(exchange.Connections[0].IsOpen, Is.False);
        Assert.That(exchange.Connections, Has.Count.EqualTo(2));
        Assert.That(errors.Any(e => e.Kind == UpbitErrorKind.ConnectionFault && e.Message.Contains("stalled", StringComparison.Ordinal)), Is.True);
        Assert.That(errors.Count(e => e.Kind == UpbitErrorKind.MalformedFrame), Is.GreaterThan(10));
        Assert.That(tickers.Error, Is.Null);
    }

    [Test]
    public void Reconnect_ExistingSubscribers_StatesGetTheFreshSnapshotTradesNeverRepeat()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { RandomSeed = 3 });
        var tickers = new Recorder<Ticker>();
        var trades = new Recorder<Trade>();
        using var t = client.Ticker("KRW-BTC").Subscribe(tickers);
        using var d = client.Trade("KRW-BTC").Subscribe(trades);
        scheduler.AdvanceBy(5 * Second);
        var (tickersBefore, tradesBefore) = (tickers.Values.Count, trades.Values.Count);
        var lastTicker = tickers.Values[^1];

        exchange.Drop(exchange.Connections[0].Id);
        scheduler.AdvanceBy(20 * Second);

        var gapFill = tickers.Values[tickersBefore];
        Assert.That(gapFill.StreamType, Is.EqualTo(StreamType.Snapshot), "the first value after a reconnect is the server's fresh snapshot");
        Assert.That(gapFill, Is.Not.EqualTo(lastTicker), "a snapshot equal to the last value seen is not repeated");
        Assert.That(tickers.Values.Skip(tickersBefore + 1).Select(x => x.StreamType).Distinct(), Is.EqualTo(new[] { StreamType.Realtime }));
        var ids = trades.Values.Select(x => x.SequentialId).ToArray();
        Assert.That(ids, Is.Ordered.Ascending.And.Unique, "no trade twice and none older than one already seen");
        Assert.That(trades.Values.Skip(tradesBefore).Count(x => x.StreamType == StreamType.Snapshot), Is.LessThanOrEqualTo(1));
    }

    private static int MostInAnyWindow(long[] ticks, long window)
    {
        var most = 0;
        var start = 0;
        for (var end = 0; end < ticks.Length; end++)
        {
            while (ticks[end] - ticks[start] >= window)
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }
}
