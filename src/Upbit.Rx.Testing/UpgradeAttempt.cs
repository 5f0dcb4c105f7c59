namespace Upbit.Rx.Testing;

/// <summary>One WebSocket upgrade request the exchange judged, accepted or refused. A refused attempt never appears in
/// <see cref="FakeUpbitExchange.Connections"/>, so this is where a test counts a client's connect rate.</summary>
/// <param name="Ticks">Scheduler time of the attempt in ticks (as <see cref="ReceivedRequest.Ticks"/>).</param>
/// <param name="Path">The endpoint path asked for (<see cref="ConnectionRecord.PublicPath"/>,
/// <see cref="ConnectionRecord.PrivatePath"/> or anything else).</param>
/// <param name="Status">The HTTP answer: 101 accepted; 429 over <see cref="FakeExchangeOptions.ConnectsPerSecond"/> or
/// refused by <see cref="FakeUpbitExchange.RefuseNextConnections"/>; 401 a bad token under
/// <see cref="AuthFailureBehavior.RefuseUpgrade"/>; 404 an unknown path.</param>
public sealed record UpgradeAttempt(long Ticks, string Path, int Status)
{
    /// <summary>Whether the upgrade was accepted (status 101).</summary>
    public bool Accepted => Status == 101;
}
