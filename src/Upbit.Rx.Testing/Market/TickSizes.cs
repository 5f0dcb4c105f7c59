namespace Upbit.Rx.Testing.Market;

/// <summary>
/// Price steps per quote currency. KRW follows Upbit's published KRW-market table; BTC markets trade in satoshis;
/// the USDT table is an approximation (Upbit publishes it per market).
/// </summary>
internal static class TickSizes
{
    private static readonly (decimal From, decimal Tick)[] s_krw =
    [
        (2_000_000m, 1000m), (1_000_000m, 500m), (500_000m, 100m), (100_000m, 50m), (10_000m, 10m), (1_000m, 1m),
        (100m, 0.1m), (10m, 0.01m), (1m, 0.001m), (0.1m, 0.0001m), (0.01m, 0.00001m), (0.001m, 0.000001m),
        (0.0001m, 0.0000001m), (0m, 0.00000001m),
    ];

    private static readonly (decimal From, decimal Tick)[] s_usdt =
    [
        (10_000m, 1m), (1_000m, 0.1m), (100m, 0.01m), (10m, 0.001m), (1m, 0.0001m), (0m, 0.00000001m),
    ];

    /// <summary>The quote currency of a pair code (<c>KRW</c> for <c>KRW-BTC</c>).</summary>
    public static string Quote(string code) => code.Split('-')[0];

    public static decimal For(string code, decimal price) => Quote(code) switch
    {
        "KRW" => Lookup(s_krw, price),
        "BTC" => 0.00000001m,
        _ => Lookup(s_usdt, price),
    };

    /// <summary>The grouping levels a pair supports: 0 and, on KRW pairs only, 10× to 100,000× the tick.</summary>
    public static IReadOnlyList<decimal> Levels(string code, decimal price)
    {
        if (Quote(code) != "KRW")
        {
            return [0m];
        }

        var tick = For(code, price);
        return [0m, tick * 10, tick * 100, tick * 1_000, tick * 10_000, tick * 100_000];
    }

    /// <summary>Rounds down to the grid of <paramref name="step"/>.</summary>
    public static decimal Floor(decimal price, decimal step) => decimal.Floor(price / step) * step;

    /// <summary>Rounds up to the grid of <paramref name="step"/>.</summary>
    public static decimal Ceiling(decimal price, decimal step) => decimal.Ceiling(price / step) * step;

    private static decimal Lookup((decimal From, decimal Tick)[] table, decimal price)
    {
        foreach (var (from, tick) in table)
        {
            if (price >= from)
            {
                return tick;
            }
        }

        return table[^1].Tick;
    }
}
