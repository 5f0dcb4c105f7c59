using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Cli;

/// <summary>
/// The price path the default simulator walks for a code (seeded, so the same on every run and scheduler), computed in
/// virtual time as a reference for what the CLI printed from a real-time simulator.
/// </summary>
internal static class SimulatedPrices
{
    public static IReadOnlyList<decimal> Path(string code, int ticks = 400)
    {
        var scheduler = new TestScheduler();
        var options = new MarketSimulatorOptions();
        using var market = new MarketSimulator(options, scheduler);
        var prices = new List<decimal> { market.Ticker(code).TradePrice };
        using var subscription = market.Messages.OfType<Ticker>().Where(t => t.Code == code).Subscribe(t => prices.Add(t.TradePrice));
        scheduler.AdvanceBy(options.TickInterval.Ticks * ticks);
        return prices;
    }

    /// <summary>Whether <paramref name="printed"/> appears as one contiguous run somewhere in <paramref name="path"/>.</summary>
    public static bool IsRunOf(IReadOnlyList<decimal> printed, IReadOnlyList<decimal> path) =>
        Enumerable.Range(0, Math.Max(0, path.Count - printed.Count + 1))
            .Any(start => printed.Select((p, i) => p == path[start + i]).All(same => same));
}
