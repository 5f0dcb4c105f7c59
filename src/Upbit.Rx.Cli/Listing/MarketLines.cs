using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Listing;

/// <summary>
/// One line per pair for <c>markets</c>, tab-separated so scripts can cut it: code, English name, Korean name (<c>-</c>
/// when the host sends none), warnings (<c>-</c> for none, else comma-separated: <c>warning</c> and the cautions).
/// </summary>
internal static class MarketLines
{
    public static string Line(Market market) =>
        string.Join('\t', market.Code, market.EnglishName, market.KoreanName ?? "-", Warnings(market) is { Count: > 0 } w ? string.Join(',', w) : "-");

    /// <summary>The quote currency of a pair: the part before the dash (<c>KRW</c> of <c>KRW-BTC</c>).</summary>
    public static string Quote(Market market) => market.Code.Split('-')[0];

    public static List<string> Warnings(Market market)
    {
        var warnings = new List<string>();
        if (market.Event?.Warning == true || market.Warning == MarketWarning.Caution)
        {
            warnings.Add("warning");
        }

        if (market.Event?.Caution is { } caution)
        {
            Add(caution.PriceFluctuations, "price-fluctuations");
            Add(caution.TradingVolumeSoaring, "trading-volume-soaring");
            Add(caution.DepositAmountSoaring, "deposit-amount-soaring");
            Add(caution.GlobalPriceDifferences, "global-price-differences");
            Add(caution.ConcentrationOfSmallAccounts, "small-accounts-concentration");
        }

        return warnings;

        void Add(bool flag, string name)
        {
            if (flag)
            {
                warnings.Add(name);
            }
        }
    }
}
