using System.Globalization;
using NUnit.Framework;

namespace Upbit.Rx.IntegrationTests.Soak;

/// <summary>
/// Issue 11's loopback soak: the server drops the client's socket periodically while 50 codes trade, and every trade
/// the exchange made must reach the subscriber exactly once, in order. The short run is part of the default test run;
/// the full one (3 minutes, about 3,000 messages a second) is explicit:
/// <c>dotnet test tests/Upbit.Rx.IntegrationTests -c Release --filter Category=Soak --logger "console;verbosity=detailed"</c>,
/// with <c>-- 'TestRunParameters.Parameter(name="SoakSeconds", value="600")'</c> for another duration and
/// <c>SoakBackfill</c> <c>false</c> to measure what the outages cost without the backfill (the run then fails), or
/// <c>SoakRefusals</c> <c>3</c> to refuse three reconnects after each drop, so outages outlast <c>FallbackAfter</c>.
/// </summary>
public sealed class SoakTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Soak_ShortRunWithThreeDrops_EveryTradeDeliveredOnceInOrder(CancellationToken cancellationToken)
    {
        var plan = new SoakPlan(Codes: 10, TickInterval: TimeSpan.FromMilliseconds(100), Duration: TimeSpan.FromSeconds(24), DropEvery: TimeSpan.FromSeconds(6));

        var result = await SoakRun.RunAsync(plan, line => TestContext.Progress.WriteLine(line), cancellationToken);

        TestContext.Out.WriteLine(result);
        AssertContinuity(result);
    }

    [Test]
    [Explicit("Long: run it with --filter Category=Soak (see the class summary and docs/testing.md).")]
    [Category("Soak")]
    [CancelAfter(3_600_000)]
    public async Task Soak_FiftyCodesDroppedEveryTenSeconds_EveryTradeDeliveredOnceInOrder(CancellationToken cancellationToken)
    {
        var seconds = int.Parse(TestContext.Parameters.Get("SoakSeconds", "180"), CultureInfo.InvariantCulture);
        var backfill = bool.Parse(TestContext.Parameters.Get("SoakBackfill", "true"));
        var refusals = int.Parse(TestContext.Parameters.Get("SoakRefusals", "0"), CultureInfo.InvariantCulture);
        var plan = new SoakPlan(
            Codes: 50,
            TickInterval: TimeSpan.FromMilliseconds(50),
            Duration: TimeSpan.FromSeconds(seconds),
            DropEvery: TimeSpan.FromSeconds(10),
            Backfill: backfill,
            RefuseAfterDrop: refusals);

        var result = await SoakRun.RunAsync(plan, line => TestContext.Progress.WriteLine(line), cancellationToken);

        TestContext.Out.WriteLine(result);
        TestContext.Progress.WriteLine(result);
        AssertContinuity(result);
    }

    private static void AssertContinuity(SoakResult result)
    {
        Assert.Multiple(() =>
        {
            if (result.Plan.RefuseAfterDrop == 0)
            {
                Assert.That(result.Drops, Is.EqualTo((int)(result.Plan.Duration / result.Plan.DropEvery) - 1), "every planned drop found an open socket");
            }

            Assert.That(result.Recoveries, Has.Count.EqualTo(result.Drops), "every drop was followed by a reconnect");
            Assert.That(result.ProducedWhileDown, Is.GreaterThan(0), "trades were made while the socket was down");
            Assert.That(result.TradesBackfilled, Is.GreaterThan(0), "the outages cost trades that only REST could give back");
            Assert.That(result.Drained, Is.True, "every trade up to the cut reached the subscriber");
            Assert.That(result.Trades.Missed, Is.EqualTo(0), string.Join("; ", result.Trades.MissedSamples));
            Assert.That(result.Trades.Duplicated, Is.EqualTo(0), "duplicated");
            Assert.That(result.Trades.OutOfOrder, Is.EqualTo(0), "out of order");
            Assert.That(result.Trades.Unknown, Is.EqualTo(0), "trades the exchange never made");
            Assert.That(result.GapReports, Is.Empty, "no gap: every outage was within what REST keeps");
        });
    }
}
