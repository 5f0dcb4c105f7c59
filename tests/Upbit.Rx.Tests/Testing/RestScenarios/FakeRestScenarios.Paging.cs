using System.Globalization;
using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing.RestScenarios;

public abstract partial class FakeRestScenarios
{
    [Test]
    public async Task Trades_CursorAcrossThree500TradePages_ContiguousNewestFirstNoDuplicates()
    {
        await using var host = await CreateHostAsync(WithHistory);
        var first = (await GetAsync(host, "/v1/trades/ticks?market=KRW-XRP&count=500")).Items;
        var ids = first.Select(t => t.GetProperty("sequential_id").GetInt64()).ToList();

        for (var page = 0; page < 2; page++)
        {
            var next = (await GetAsync(host, $"/v1/trades/ticks?market=KRW-XRP&count=500&cursor={ids[^1]}")).Items;
            Assert.That(next, Has.Count.EqualTo(500));
            ids.AddRange(next.Select(t => t.GetProperty("sequential_id").GetInt64()));
        }

        // NB: the market trades every 500 ms (sequential ids are milliseconds x 10,000), so consecutive trades are about
        // 5,000,000 apart; a trade skipped at a page boundary would double the step.
        var steps = ids.Zip(ids.Skip(1), (newer, older) => newer - older).ToList();
        Assert.That(ids, Has.Count.EqualTo(1500));
        Assert.That(ids, Is.Unique.And.Ordered.Descending);
        Assert.That(steps.Max(), Is.LessThan(7_500_000L), "no trade skipped between pages");
    }

    [Test]
    public async Task Candles_ToAcross200CandlePages_EverySecondOnceNewestFirst()
    {
        await using var host = await CreateHostAsync(WithHistory);
        // NB: start a minute back, inside the replayed history, where every second surely has trades (a loaded
        // machine may delay a real-time tick past a second boundary).
        var last = DateTimeOffset.FromUnixTimeMilliseconds(host.Exchange.Market.Trade("KRW-BTC").TradeTimestamp).UtcDateTime;
        var starts = new List<DateTime> { last.AddTicks(-(last.Ticks % TimeSpan.TicksPerSecond)).AddMinutes(-1) };

        for (var i = 0; i < 3; i++)
        {
            var to = Uri.EscapeDataString(starts[^1].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            var next = (await GetAsync(host, $"/v1/candles/seconds?market=KRW-BTC&count=200&to={to}")).Items;
            Assert.That(next, Has.Count.EqualTo(200));
            starts.AddRange(next.Select(c => Start(c.GetProperty("candle_date_time_utc").GetString()!)));
        }

        starts.RemoveAt(0);
        Assert.That(starts, Has.Count.EqualTo(600));
        Assert.That(starts.Zip(starts.Skip(1), (newer, older) => newer - older), Is.All.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task Candles_OneMinutePage_ClosedCandleAgreesWithTheTradesInIt()
    {
        await using var host = await CreateHostAsync(WithHistory);

        var candles = (await GetAsync(host, "/v1/candles/minutes/1?market=KRW-ETH&count=3")).Items;
        var trades = (await GetAsync(host, "/v1/trades/ticks?market=KRW-ETH&count=500")).Items;
        var closed = candles[1];
        var start = Start(closed.GetProperty("candle_date_time_utc").GetString()!);
        var inside = trades.Where(t => Start(t.GetProperty("trade_date_utc").GetString() + "T" + t.GetProperty("trade_time_utc").GetString()) is var at
            && at >= start && at < start.AddMinutes(1)).Reverse().ToList();

        Assert.That(inside, Has.Count.InRange(110, 130));
        Assert.That(closed.GetProperty("opening_price").GetDecimal(), Is.EqualTo(inside[0].GetProperty("trade_price").GetDecimal()));
        Assert.That(closed.GetProperty("trade_price").GetDecimal(), Is.EqualTo(inside[^1].GetProperty("trade_price").GetDecimal()));
        Assert.That(closed.GetProperty("high_price").GetDecimal(), Is.EqualTo(inside.Max(t => t.GetProperty("trade_price").GetDecimal())));
        Assert.That(closed.GetProperty("candle_acc_trade_volume").GetDecimal(), Is.EqualTo(inside.Sum(t => t.GetProperty("trade_volume").GetDecimal())));
        Assert.That(closed.GetProperty("timestamp").GetInt64(), Is.EqualTo(inside[^1].GetProperty("timestamp").GetInt64()));
    }

    [Test]
    public async Task Trades_DaysAgoAndTo_OnlyThatDayBeforeThatTime()
    {
        await using var host = await CreateHostAsync(Quiet with
        {
            Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMinutes(1), History = TimeSpan.FromDays(3) },
        });
        var today = host.Exchange.Market.Trade("KRW-BTC").TradeTimestamp is var ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.Date : default;
        var day = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var ticks = (await GetAsync(host, "/v1/trades/ticks?market=KRW-BTC&days_ago=2&to=120000&count=500")).Items;

        Assert.That(ticks, Has.Count.EqualTo(500));
        Assert.That(ticks.Select(t => t.GetProperty("trade_date_utc").GetString()), Is.All.EqualTo(day));
        Assert.That(ticks[0].GetProperty("trade_time_utc").GetString(), Is.LessThan("12:00:00"));
        Assert.That(ticks[0].GetProperty("trade_time_utc").GetString(), Is.GreaterThanOrEqualTo("11:58:00"));
        Assert.That(ticks.Select(t => t.GetProperty("sequential_id").GetInt64()), Is.Ordered.Descending);
    }

    [Test]
    public async Task Trades_BeyondHistoryLimit_OldestForgotten()
    {
        await using var host = await CreateHostAsync(WithHistory with { Market = WithHistory.Market with { TradeHistoryLimit = 700 } });
        var first = (await GetAsync(host, "/v1/trades/ticks?market=KRW-BTC&count=500")).Items;
        var cursor = first[^1].GetProperty("sequential_id").GetInt64();

        var rest = (await GetAsync(host, $"/v1/trades/ticks?market=KRW-BTC&count=500&cursor={cursor}")).Items;

        Assert.That(rest.Count, Is.InRange(190, 200));
    }

    private static DateTime Start(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
