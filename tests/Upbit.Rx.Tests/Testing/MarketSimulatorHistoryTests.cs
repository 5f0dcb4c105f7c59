using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing;

/// <summary>What the market remembers for REST: replayed history, the bounded trade log, and what it publishes.</summary>
public sealed class MarketSimulatorHistoryTests
{
    [Test]
    public void History_TenMinutes_TradesReplayedEveryTickUpToTheStartAndNotPublished()
    {
        var scheduler = new TestScheduler();
        var options = new MarketSimulatorOptions { History = TimeSpan.FromMinutes(10) };
        using var market = new MarketSimulator(options, scheduler);
        var published = new List<UpbitMessage>();
        using var subscription = market.Messages.Subscribe(published.Add);

        var trades = market.Read("KRW-BTC", p => p.History.Newest(5_000, null, _ => true));

        Assert.That(trades, Has.Count.EqualTo(1201));
        Assert.That(trades[0].TradeTimestamp, Is.EqualTo(options.VirtualEpoch.ToUnixTimeMilliseconds()));
        Assert.That(trades[^1].TradeTimestamp, Is.EqualTo(options.VirtualEpoch.AddMinutes(-10).ToUnixTimeMilliseconds()));
        Assert.That(trades[0], Is.EqualTo(market.Trade("KRW-BTC", StreamType.Realtime)));
        Assert.That(published, Is.Empty);
    }

    [Test]
    public void History_None_DefaultMarketUnchanged()
    {
        var scheduler = new TestScheduler();
        using var plain = new MarketSimulator(new MarketSimulatorOptions(), scheduler);
        using var explicitZero = new MarketSimulator(new MarketSimulatorOptions { History = TimeSpan.Zero, TradeHistoryLimit = 5 }, scheduler);

        Assert.That(explicitZero.Trade("KRW-ETH"), Is.EqualTo(plain.Trade("KRW-ETH")));
        Assert.That(plain.Read("KRW-ETH", p => p.History.Newest(10, null, _ => true)), Has.Count.EqualTo(1));
    }

    [Test]
    public void TradeHistoryLimit_Exceeded_KeepsTheNewest()
    {
        var scheduler = new TestScheduler();
        using var market = new MarketSimulator(new MarketSimulatorOptions { TradeHistoryLimit = 50 }, scheduler);
        var published = new List<Trade>();
        using var subscription = market.Messages.Subscribe(m => { if (m is Trade { Code: "KRW-XRP" } t) { published.Add(t); } });

        scheduler.AdvanceBy(TimeSpan.FromMinutes(1).Ticks);
        var kept = market.Read("KRW-XRP", p => p.History.Newest(500, null, _ => true));

        Assert.That(kept.Select(t => t.SequentialId), Is.EqualTo(published.TakeLast(50).Reverse().Select(t => t.SequentialId)));
    }

    [TestCase(0, 1)]
    [TestCase(1, 0)]
    public void Constructor_NonPositiveHistoryLimit_Throws(int trades, int candles)
    {
        var options = new MarketSimulatorOptions { TradeHistoryLimit = trades, CandleHistoryLimit = candles };

        Assert.That(() => new MarketSimulator(options, new TestScheduler()), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_NegativeHistory_Throws()
    {
        var options = new MarketSimulatorOptions { History = TimeSpan.FromSeconds(-1) };

        Assert.That(() => new MarketSimulator(options, new TestScheduler()), Throws.ArgumentException);
    }
}
