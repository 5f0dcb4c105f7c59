namespace Upbit.Rx.Testing.Rest;

/// <summary>A market's <c>market_event</c>: the warning flag and the caution kinds that are set.</summary>
internal sealed record MarketEventState(bool Warning, IReadOnlySet<string> Cautions)
{
    /// <summary>The caution kinds Upbit reports, in its order.</summary>
    public static readonly IReadOnlyList<string> CautionNames =
    [
        "PRICE_FLUCTUATIONS", "TRADING_VOLUME_SOARING", "DEPOSIT_AMOUNT_SOARING", "GLOBAL_PRICE_DIFFERENCES",
        "CONCENTRATION_OF_SMALL_ACCOUNTS",
    ];

    public static MarketEventState None { get; } = new(false, new HashSet<string>());
}
