using System.Globalization;
using System.Text;

namespace Upbit.Rx.IntegrationTests.Soak;

/// <summary>The figures of one soak run, as <c>docs/testing.md</c> reports them.</summary>
internal sealed record SoakResult
{
    public required SoakPlan Plan { get; init; }

    public required LedgerCounts Trades { get; init; }

    /// <summary>Whether every trade up to the cut arrived within the drain bound.</summary>
    public required bool Drained { get; init; }

    public required TimeSpan DrainTime { get; init; }

    public required int Drops { get; init; }

    public required IReadOnlyList<TimeSpan> Recoveries { get; init; }

    /// <summary>Trades the exchange made between a drop and the client's next Connected state: the socket could not carry them.</summary>
    public required long ProducedWhileDown { get; init; }

    public required long TradesBackfilled { get; init; }

    public required long HealthTradeGaps { get; init; }

    public required IReadOnlyList<string> GapReports { get; init; }

    public required long DuplicatesDropped { get; init; }

    public required long Reconnects { get; init; }

    public required int FallbackStates { get; init; }

    public required int TradeRestRequests { get; init; }

    /// <summary>REST answers other than 200, as <c>status xcount (group)</c>.</summary>
    public required IReadOnlyList<string> RestRefusals { get; init; }

    /// <summary>The managed heap after a forced collection just before each drop.</summary>
    public required IReadOnlyList<long> HeapSamples { get; init; }

    public required long Tickers { get; init; }

    public required long Books { get; init; }

    /// <summary>Tickers and books delivered from the REST fallback (<see cref="Streams.StreamType.Rest"/>).</summary>
    public required long Polled { get; init; }

    public required long MessagesReceived { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public required long HeapStart { get; init; }

    public required long HeapEnd { get; init; }

    public required long WorkingSetStart { get; init; }

    public required long WorkingSetEnd { get; init; }

    public required string LoadStart { get; init; }

    public required string LoadEnd { get; init; }

    /// <summary>The figures as a plain-text table (and the missed samples, if any).</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sorted = Recoveries.Order().ToList();
        // NB: nearest rank: the smallest recovery at or above the given fraction of them.
        string Ms(double fraction) => sorted.Count == 0 ? "-" : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)].TotalMilliseconds.ToString("0", c);
        var text = new StringBuilder();
        text.AppendLine(c, $"soak: {Plan.Codes} codes x ticker/trade/orderbook, tick {Plan.TickInterval.TotalMilliseconds:0} ms (~{Plan.MessagesPerSecond:0} msgs/s), drop every {Plan.DropEvery.TotalSeconds:0} s for {Plan.Duration.TotalSeconds:0} s, seed {Plan.Seed}, backfill {(Plan.Backfill ? "on" : "OFF")}, {Plan.RefuseAfterDrop} refused connects after each drop");
        text.AppendLine(c, $"machine: {Environment.OSVersion}; .NET {Environment.Version}; {Environment.ProcessorCount} logical cores; load average at start {LoadStart}, at end {LoadEnd}");
        text.AppendLine(c, $"elapsed {Elapsed.TotalSeconds:0.0} s; drained {(Drained ? "yes" : "NO")} in {DrainTime.TotalMilliseconds:0} ms after the cut");
        text.AppendLine(c, $"trades produced {Trades.Produced:N0}, delivered {Trades.Delivered:N0} ({Trades.FromRest:N0} of them fetched over REST), missed {Trades.Missed}, duplicated {Trades.Duplicated}, out of order {Trades.OutOfOrder}, unknown {Trades.Unknown}");
        text.AppendLine(c, $"trades made while the socket was down (drop to Connected) {ProducedWhileDown:N0}");
        text.AppendLine(c, $"drops {Drops}, reconnects {Reconnects}, recovery ms median {Ms(0.5)} p95 {Ms(0.95)} max {Ms(1.0)}");
        text.AppendLine(c, $"backfilled {TradesBackfilled:N0} (REST trade requests {TradeRestRequests}, REST answers other than 200: {(RestRefusals.Count == 0 ? "none" : string.Join(", ", RestRefusals))}), gaps {HealthTradeGaps} (reports {GapReports.Count}), duplicates dropped {DuplicatesDropped:N0}, fallback states {FallbackStates}");
        text.AppendLine(c, $"client messages received {MessagesReceived:N0}, tickers delivered {Tickers:N0}, books delivered {Books:N0}, tickers and books from the REST fallback {Polled:N0}");
        text.AppendLine(c, $"managed heap after forced GC: start {HeapStart / 1048576.0:0.0} MiB, end {HeapEnd / 1048576.0:0.0} MiB ({(HeapEnd - HeapStart) / 1048576.0:+0.0;-0.0} MiB); working set start {WorkingSetStart / 1048576.0:0} MiB, end {WorkingSetEnd / 1048576.0:0} MiB");
        text.AppendLine(c, $"heap before each drop (MiB): {string.Join(' ', HeapSamples.Select(h => (h / 1048576.0).ToString("0.0", c)))}");
        foreach (var line in Trades.MissedSamples.Concat(GapReports).Take(20))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
