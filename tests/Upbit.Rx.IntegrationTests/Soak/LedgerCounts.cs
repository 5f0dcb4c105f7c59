namespace Upbit.Rx.IntegrationTests.Soak;

/// <summary>What <see cref="TradeLedger.Compare"/> found, summed over every code.</summary>
internal sealed class LedgerCounts
{
    /// <summary>Trades the exchange made inside the comparison windows.</summary>
    public long Produced { get; set; }

    /// <summary>Trades the client's subscriber received (all of them, the window's and any after the cut).</summary>
    public long Delivered { get; set; }

    /// <summary>Deliveries of a trade decoded from REST (the backfill's: REST trades carry no best ask).</summary>
    public long FromRest { get; set; }

    /// <summary>Window trades never delivered.</summary>
    public long Missed { get; set; }

    /// <summary>Deliveries of a trade already delivered.</summary>
    public long Duplicated { get; set; }

    /// <summary>Deliveries of a trade older (in the exchange's log) than one delivered before it.</summary>
    public long OutOfOrder { get; set; }

    /// <summary>Deliveries of a trade the exchange's log does not have.</summary>
    public long Unknown { get; set; }

    /// <summary>Per code with missed trades: how many and the first ids, for the failure message.</summary>
    public List<string> MissedSamples { get; } = [];
}
