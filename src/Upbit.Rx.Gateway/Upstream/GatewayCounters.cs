using Upbit.Rx.Server;

namespace Upbit.Rx.Gateway.Upstream;

/// <summary>What the gateway keeps of the engine's reports: counts only, so it runs for weeks in flat memory.</summary>
internal sealed class GatewayCounters : IExchangeObserver
{
    private long _requests;
    private long _refused;

    /// <summary>Text frames received from downstream clients so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Upgrades refused so far (unknown path, over a limit).</summary>
    public long RefusedUpgrades => Interlocked.Read(ref _refused);

    public void OnUpgrade(long ticks, string path, int status)
    {
        if (status != 101)
        {
            Interlocked.Increment(ref _refused);
        }
    }

    public void OnOpened(int id, string path, long ticks)
    {
    }

    public void OnRequest(long ticks, int id, string text) => Interlocked.Increment(ref _requests);

    public void OnClosed(int id, long ticks, int closeCode)
    {
    }
}
