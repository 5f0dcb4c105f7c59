namespace Upbit.Rx.Tests.Chaos;

/// <summary>The chaos run's fixed settings: seeds, length, cadence.</summary>
internal static class ChaosSettings
{
    /// <summary>The seeds, each a test case; together they cover <see cref="HoursPerSeed"/> × seeds virtual hours.</summary>
    public static readonly int[] Seeds = [1, 2, 3, 4, 5, 6];

    /// <summary>Virtual hours per seed.</summary>
    public const double HoursPerSeed = 4;

    /// <summary>The market's tick: every code trades once per tick and refreshes ticker, book and candles.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(2);

    /// <summary>The client's message limit; oversized frames exceed it, large frames stay under it.</summary>
    public const int MaxMessageBytes = 256 * 1024;

    /// <summary>How long one churn window lasts at most.</summary>
    public static readonly TimeSpan ChurnWindow = TimeSpan.FromSeconds(40);

    /// <summary>Added to every recovery bound: a rate window with margin (1.25 s), two market ticks, and hops.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(4);

    /// <summary>How long a garbage stall can keep a connection (its 90 s of garbage, the 45 s idle timeout, a reconnect).</summary>
    public static readonly TimeSpan GarbageStallReach = TimeSpan.FromSeconds(150);

    /// <summary>The clock's step while a snapshot call is pending.</summary>
    public static readonly TimeSpan FineStep = TimeSpan.FromMilliseconds(100);

    /// <summary>Every this many cycles every subscriber leaves and the run checks that the connections close.</summary>
    public const int DrainEvery = 8;

    /// <summary>The most subscribers live at once.</summary>
    public const int MaxLive = 14;
}
