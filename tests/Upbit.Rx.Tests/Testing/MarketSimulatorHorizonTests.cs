using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing;

/// <summary><see cref="MarketSimulatorOptions.Horizon"/>: the simulator stops scheduling so a virtual clock can run out of work.</summary>
public sealed class MarketSimulatorHorizonTests
{
    [Test]
    [CancelAfter(10_000)]
    public void Horizon_Set_TicksUpToItThenSchedulesNothing()
    {
        var scheduler = new TestScheduler();
        using var market = new MarketSimulator(new MarketSimulatorOptions { Codes = ["KRW-BTC"], Horizon = TimeSpan.FromSeconds(10) }, scheduler);
        var trades = new List<long>();
        using var subscription = market.Messages.Subscribe(m =>
        {
            if (m is Trade)
            {
                trades.Add(scheduler.Clock);
            }
        });

        scheduler.Start();

        Assert.That(trades, Has.Count.EqualTo(20));
        Assert.That(trades[^1], Is.EqualTo(TimeSpan.FromSeconds(10).Ticks));
        Assert.That(scheduler.Clock, Is.EqualTo(TimeSpan.FromSeconds(10).Ticks));
        Assert.That(market.Ticker("KRW-BTC").TradeTimestamp, Is.EqualTo(market.Trade("KRW-BTC").TradeTimestamp));
    }

    [Test]
    public void Horizon_Unset_KeepsTicking()
    {
        var scheduler = new TestScheduler();
        using var market = new MarketSimulator(new MarketSimulatorOptions { Codes = ["KRW-BTC"] }, scheduler);
        var trades = 0;
        using var subscription = market.Messages.Subscribe(m => trades += m is Trade ? 1 : 0);

        scheduler.AdvanceTo(TimeSpan.FromHours(1).Ticks);

        Assert.That(trades, Is.EqualTo(7200));
    }

    [Test]
    public void Constructor_NegativeHorizon_Throws()
    {
        var scheduler = new TestScheduler();

        Assert.That(() => new MarketSimulator(new MarketSimulatorOptions { Horizon = TimeSpan.FromSeconds(-1) }, scheduler), Throws.ArgumentException);
    }
}
