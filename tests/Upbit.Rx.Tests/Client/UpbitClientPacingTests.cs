using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>Laws 2 and 3: ref counts under concurrency, pacing within Upbit's limits, last request = final union.</summary>
public sealed class UpbitClientPacingTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void Burst_ThousandSubscribesAndDisposes_FewRequestsWithinLimitsEndingOnFinalUnion()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var codes = exchange.Market.Codes;
        var kept = new List<IDisposable>();

        for (var i = 0; i < 1000; i++)
        {
            var sub = client.Ticker(codes[i % codes.Count]).Subscribe(_ => { });
            if (i % 7 == 0 && i % codes.Count < 2)
            {
                kept.Add(sub);
            }
            else
            {
                sub.Dispose();
            }

            if (i % 100 == 0)
            {
                scheduler.AdvanceBy(Second / 10);
            }
        }

        scheduler.AdvanceBy(120 * Second);

        var requests = WireRequests.Subscriptions(exchange);
        Assert.That(requests.Count, Is.LessThanOrEqualTo(12));
        AssertWithinLimits(requests.Select(r => r.Ticks).ToList());
        var expected = kept.Count == 0 ? [] : new[] { $"ticker {codes[0]} realtime", $"ticker {codes[1]} realtime" };
        Assert.That(WireRequests.Last(exchange), Is.EqualTo(expected));
        Assert.That(exchange.Requests.Any(r => r.Text.Contains("TOO_MANY", StringComparison.Ordinal)), Is.False);
        kept.ForEach(k => k.Dispose());
    }

    [Test]
    public void Churn_TwentyChangesPerSecondForTwoMinutes_NeverOverFivePerSecondOrHundredPerMinute()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var codes = exchange.Market.Codes;
        using var anchor = client.Trade("KRW-BTC").Subscribe(_ => { });
        var live = new Queue<IDisposable>();

        for (var i = 0; i < 20 * 120; i++)
        {
            live.Enqueue(client.Ticker(codes[i % codes.Count]).Subscribe(_ => { }));
            if (live.Count > 3)
            {
                live.Dequeue().Dispose();
            }

            scheduler.AdvanceBy(Second / 20);
        }

        while (live.Count > 0)
        {
            live.Dequeue().Dispose();
        }

        scheduler.AdvanceBy(120 * Second);

        var requests = WireRequests.Subscriptions(exchange);
        AssertWithinLimits(requests.Select(r => r.Ticks).ToList());
        Assert.That(WireRequests.Last(exchange), Is.EqualTo(new[] { "trade KRW-BTC realtime" }));
        Assert.That(exchange.Connections, Has.Count.EqualTo(1), "the server never closed us for exceeding limits");
    }

    [Test]
    public void Concurrent_ThousandSubscribeDisposeFromFourThreads_WireEndsOnExactLiveUnion()
    {
        var test = new TestScheduler();
        var scheduler = new LockedScheduler(test);
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var codes = exchange.Market.Codes;
        var kept = new System.Collections.Concurrent.ConcurrentBag<(IDisposable Sub, string Code)>();

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var code = codes[i % codes.Count];
            var sub = i % 2 == 0 ? client.Ticker(code).Subscribe(_ => { }) : client.Trade(code).Subscribe(_ => { });
            if (i % 97 == 0)
            {
                kept.Add((sub, (i % 2 == 0 ? "ticker " : "trade ") + code));
            }
            else
            {
                sub.Dispose();
            }
        });
        test.AdvanceBy(30 * Second);

        var expected = kept.Select(k => k.Code).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.That(WireRequests.Last(exchange).Select(e => e.Replace(" realtime", string.Empty, StringComparison.Ordinal)), Is.EqualTo(expected));
        Assert.That(client.Registry.Union.Length, Is.EqualTo(expected.Length));
    }

    private static void AssertWithinLimits(List<long> ticks)
    {
        for (var i = 0; i < ticks.Count; i++)
        {
            var inSecond = ticks.Count(t => t >= ticks[i] && t < ticks[i] + Second);
            var inMinute = ticks.Count(t => t >= ticks[i] && t < ticks[i] + (60 * Second));
            Assert.That((inSecond <= 5, inMinute <= 100), Is.EqualTo((true, true)), $"window starting at request {i}: {inSecond}/s, {inMinute}/min");
        }
    }
}
