namespace Upbit.Rx.Streams;

/// <summary>
/// The investment cautions on one pair (<c>market_event.caution</c>). A flag Upbit does not send reads
/// <see langword="false"/>; flags this library does not know are ignored.
/// </summary>
public sealed record MarketCaution
{
    /// <summary>Sharp price swings (<c>PRICE_FLUCTUATIONS</c>).</summary>
    public bool PriceFluctuations { get; init; }

    /// <summary>A surge in trading volume (<c>TRADING_VOLUME_SOARING</c>).</summary>
    public bool TradingVolumeSoaring { get; init; }

    /// <summary>A surge in deposits (<c>DEPOSIT_AMOUNT_SOARING</c>).</summary>
    public bool DepositAmountSoaring { get; init; }

    /// <summary>A large gap to prices on other exchanges (<c>GLOBAL_PRICE_DIFFERENCES</c>).</summary>
    public bool GlobalPriceDifferences { get; init; }

    /// <summary>Trading concentrated in a few small accounts (<c>CONCENTRATION_OF_SMALL_ACCOUNTS</c>).</summary>
    public bool ConcentrationOfSmallAccounts { get; init; }
}
