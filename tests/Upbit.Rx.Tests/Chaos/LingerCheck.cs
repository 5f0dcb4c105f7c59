namespace Upbit.Rx.Tests.Chaos;

/// <summary>Every subscriber leaves; once every snapshot call has ended and the linger period (and a connect in flight)
/// has passed, no connection may remain open.</summary>
internal static class LingerCheck
{
    public static void DrainAndCheck(ChaosWorld world, ChurnDriver churn)
    {
        foreach (var subscriber in world.Live.ToList())
        {
            churn.Dispose(subscriber);
        }

        world.Figures.Drains++;
        var options = world.ClientOptions;
        // NB: a snapshot call's bookkeeping (the linger) runs inside the advance that ends the call, so past the last
        // call's timeout the linger counts from a known instant: no real-time wait for the calls.
        world.AdvanceBy(options.SnapshotTimeout + ChaosSettings.Margin);
        world.AdvanceBy(options.Linger + options.ConnectTimeout + ChaosSettings.Margin);
        var open = world.Exchange.Connections.Where(c => c.IsOpen).ToList();
        if (open.Count > 0)
        {
            var health = world.Client.GetHealth();
            var client = string.Join(", ", health.Connections.Values.Select(c => $"{c.Endpoint} {c.Status}")) + "; union [" + string.Join("; ", health.MessageAge.Keys) + "]";
            world.Log.Violation(ChaosInvariant.NoConnectionAfterLinger, $"every subscriber left, yet {string.Join(", ", open.Select(c => $"conn#{c.Id} {c.Path} opened {ChaosLog.Format(c.OpenedAt)}"))} still open; client: {client}");
        }
    }
}
