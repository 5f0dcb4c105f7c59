namespace Upbit.Rx.Testing.Rest;

/// <summary>Korean and English names of well-known assets; any other asset is named by its symbol.</summary>
internal static class MarketNames
{
    private static readonly Dictionary<string, (string Korean, string English)> s_known = new(StringComparer.Ordinal)
    {
        ["BTC"] = ("비트코인", "Bitcoin"),
        ["ETH"] = ("이더리움", "Ethereum"),
        ["XRP"] = ("엑스알피(리플)", "XRP"),
        ["SOL"] = ("솔라나", "Solana"),
        ["DOGE"] = ("도지코인", "Dogecoin"),
        ["USDT"] = ("테더", "Tether"),
    };

    public static (string Korean, string English) Of(string code)
    {
        var asset = code[(code.IndexOf('-', StringComparison.Ordinal) + 1)..];
        return s_known.TryGetValue(asset, out var names) ? names : (asset, asset);
    }
}
