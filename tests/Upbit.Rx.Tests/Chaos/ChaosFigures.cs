namespace Upbit.Rx.Tests.Chaos;

/// <summary>What one run did, for the report and <c>docs/testing.md</c>.</summary>
internal sealed class ChaosFigures
{
    public Dictionary<FaultKind, int> Faults { get; } = [];

    public Dictionary<UpbitErrorKind, int> ClientErrors { get; } = [];

    public int Cycles { get; set; }

    public int Subscribes { get; set; }

    public int Disposes { get; set; }

    public int SnapshotCalls { get; set; }

    public int SnapshotFailures { get; set; }

    public int PrivateEvents { get; set; }

    public int Checks { get; set; }

    public int Drains { get; set; }

    public void Count(FaultKind kind) => Faults[kind] = Faults.GetValueOrDefault(kind) + 1;
}
