namespace Upbit.Rx.Testing.Market;

/// <summary>Where well-known pairs start (late-2026 levels); other pairs start at a seeded price for their quote.</summary>
internal static class StartingPrices
{
    private static readonly Dictionary<string, decimal> s_known = new(StringComparer.Ordinal)
    {
        ["KRW-BTC"] = 145_000_000m,
        ["KRW-ETH"] = 5_200_000m,
        ["KRW-XRP"] = 3_900m,
        ["KRW-SOL"] = 290_000m,
        ["KRW-DOGE"] = 350m,
        ["KRW-USDT"] = 1_420m,
        ["BTC-ETH"] = 0.0358m,
        ["BTC-XRP"] = 0.0000269m,
        ["USDT-BTC"] = 104_000m,
        ["USDT-ETH"] = 3_700m,
    };

    public static decimal For(string code, Random random)
    {
        if (s_known.TryGetValue(code, out var price))
        {
            return price;
        }

        var raw = TickSizes.Quote(code) switch
        {
            "KRW" => (decimal)(1_000 + (random.NextDouble() * 99_000)),
            "BTC" => (decimal)(0.0001 + (random.NextDouble() * 0.01)),
            _ => (decimal)(1 + (random.NextDouble() * 99)),
        };
        return TickSizes.Floor(raw, TickSizes.For(code, raw));
    }

    /// <summary>A typical trade's value in the quote currency.</summary>
    public static decimal TypicalNotional(string code) => TickSizes.Quote(code) switch
    {
        "KRW" => 100_000m,
        "BTC" => 0.001m,
        _ => 70m,
    };
}
