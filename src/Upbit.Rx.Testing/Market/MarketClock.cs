using System.Reactive.Concurrency;

namespace Upbit.Rx.Testing.Market;

/// <summary>
/// Reads market time from a scheduler. A clock before 2000 (a virtual-time scheduler starting at 0001-01-01) is
/// shifted so its zero lands on the configured epoch; real clocks pass through.
/// </summary>
internal sealed class MarketClock(IScheduler scheduler, DateTimeOffset virtualEpoch)
{
    private static readonly DateTimeOffset s_realFrom = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now
    {
        get
        {
            var now = scheduler.Now;
            return now >= s_realFrom ? now.ToUniversalTime() : virtualEpoch + TimeSpan.FromTicks(now.UtcTicks);
        }
    }

    public long NowMilliseconds => Now.ToUnixTimeMilliseconds();
}
