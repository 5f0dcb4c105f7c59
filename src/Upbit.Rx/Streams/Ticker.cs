namespace Upbit.Rx.Streams;

/// <summary>
/// A ticker update for one pair (<c>type</c> = <c>ticker</c>): the latest trade plus the day's and the last 24 hours'
/// statistics. "Day" fields reset at 00:00 UTC.
/// </summary>
/// <remarks>
/// REST (<c>GET /v1/ticker</c>, <see cref="UpbitRestClient.GetTickersAsync"/>) yields the same record: <c>market</c> fills
/// <see cref="Code"/>, and the fields the REST form does not carry are <see langword="null"/> where the type allows
/// (<see cref="AccAskVolume"/>, <see cref="AccBidVolume"/>, <see cref="IsTradingSuspended"/>, <see cref="DelistingDate"/>,
/// <see cref="MarketWarning"/>) or <c>Unknown</c> for the enums (<see cref="AskBid"/>, <see cref="MarketState"/>);
/// <see cref="StreamType"/> is <see cref="StreamType.Snapshot"/>. Only REST sends <see cref="TradeDateKst"/> and
/// <see cref="TradeTimeKst"/>.
/// </remarks>
public sealed record Ticker : UpbitMessage, IMarketMessage
{
    /// <inheritdoc/>
    public required string Code { get; init; }

    /// <summary>The opening price of the day (<c>opening_price</c>).</summary>
    public required decimal OpeningPrice { get; init; }

    /// <summary>The high of the day (<c>high_price</c>).</summary>
    public required decimal HighPrice { get; init; }

    /// <summary>The low of the day (<c>low_price</c>).</summary>
    public required decimal LowPrice { get; init; }

    /// <summary>The last traded price (<c>trade_price</c>).</summary>
    public required decimal TradePrice { get; init; }

    /// <summary>The previous close, at the 00:00 UTC boundary (<c>prev_closing_price</c>).</summary>
    public required decimal PrevClosingPrice { get; init; }

    /// <summary>The direction against the previous close (<c>change</c>).</summary>
    public required Change Change { get; init; }

    /// <summary>The absolute change against the previous close (<c>change_price</c>).</summary>
    public required decimal ChangePrice { get; init; }

    /// <summary>The signed change against the previous close (<c>signed_change_price</c>).</summary>
    public required decimal SignedChangePrice { get; init; }

    /// <summary>The absolute change rate (<c>change_rate</c>), a fraction (0.01 = 1 %).</summary>
    public required decimal ChangeRate { get; init; }

    /// <summary>The signed change rate (<c>signed_change_rate</c>), a fraction.</summary>
    public required decimal SignedChangeRate { get; init; }

    /// <summary>The volume of the latest trade (<c>trade_volume</c>).</summary>
    public required decimal TradeVolume { get; init; }

    /// <summary>The volume traded since 00:00 UTC (<c>acc_trade_volume</c>).</summary>
    public required decimal AccTradeVolume { get; init; }

    /// <summary>The volume traded in the last 24 hours (<c>acc_trade_volume_24h</c>).</summary>
    public required decimal AccTradeVolume24h { get; init; }

    /// <summary>The value traded since 00:00 UTC (<c>acc_trade_price</c>).</summary>
    public required decimal AccTradePrice { get; init; }

    /// <summary>The value traded in the last 24 hours (<c>acc_trade_price_24h</c>).</summary>
    public required decimal AccTradePrice24h { get; init; }

    /// <summary>The UTC date of the latest trade as sent, <c>yyyyMMdd</c> (<c>trade_date</c>).</summary>
    public required string TradeDate { get; init; }

    /// <summary>The UTC time of the latest trade as sent, <c>HHmmss</c> (<c>trade_time</c>).</summary>
    public required string TradeTime { get; init; }

    /// <summary>The time of the latest trade in Unix milliseconds (<c>trade_timestamp</c>).</summary>
    public required long TradeTimestamp { get; init; }

    /// <summary>The KST date of the latest trade as sent, <c>yyyyMMdd</c> (<c>trade_date_kst</c>); REST only, <see langword="null"/> on the WebSocket.</summary>
    public string? TradeDateKst { get; init; }

    /// <summary>The KST time of the latest trade as sent, <c>HHmmss</c> (<c>trade_time_kst</c>); REST only, <see langword="null"/> on the WebSocket.</summary>
    public string? TradeTimeKst { get; init; }

    /// <summary>Which side took the latest trade (<c>ask_bid</c>); <see cref="AskBid.Unknown"/> from REST, which does not send it.</summary>
    public required AskBid AskBid { get; init; }

    /// <summary>
    /// The accumulated sell volume (<c>acc_ask_volume</c>); always set by the WebSocket, <see langword="null"/> from REST,
    /// which does not send it. NB: nullable so that a REST ticker cannot pass a made-up 0 off as a volume.
    /// </summary>
    public required decimal? AccAskVolume { get; init; }

    /// <summary>The accumulated buy volume (<c>acc_bid_volume</c>); <see langword="null"/> from REST, as <see cref="AccAskVolume"/>.</summary>
    public required decimal? AccBidVolume { get; init; }

    /// <summary>The 52-week high (<c>highest_52_week_price</c>).</summary>
    public required decimal Highest52WeekPrice { get; init; }

    /// <summary>The date of the 52-week high as sent, <c>yyyy-MM-dd</c> (<c>highest_52_week_date</c>).</summary>
    public required string Highest52WeekDate { get; init; }

    /// <summary>The 52-week low (<c>lowest_52_week_price</c>).</summary>
    public required decimal Lowest52WeekPrice { get; init; }

    /// <summary>The date of the 52-week low as sent, <c>yyyy-MM-dd</c> (<c>lowest_52_week_date</c>).</summary>
    public required string Lowest52WeekDate { get; init; }

    /// <summary>Whether the pair can be traded (<c>market_state</c>); <see cref="MarketState.Unknown"/> from REST, which does not send it.</summary>
    public required MarketState MarketState { get; init; }

    /// <summary>Deprecated by Upbit (<c>is_trading_suspended</c>); <see langword="null"/> when not sent.</summary>
    public required bool? IsTradingSuspended { get; init; }

    /// <summary>The scheduled delisting date as sent (<c>delisting_date</c>); <see langword="null"/> (or empty) when none is scheduled.</summary>
    public required string? DelistingDate { get; init; }

    /// <summary>Deprecated by Upbit (<c>market_warning</c>); <see langword="null"/> when not sent.</summary>
    public required MarketWarning? MarketWarning { get; init; }

    /// <inheritdoc/>
    public required long Timestamp { get; init; }

    /// <inheritdoc/>
    public required StreamType StreamType { get; init; }

    /// <summary><see cref="TradeTimestamp"/> as a UTC instant.</summary>
    public DateTimeOffset TradedAt => UnixMilliseconds.ToTime(TradeTimestamp);

    /// <summary><see cref="Timestamp"/> as a UTC instant.</summary>
    public DateTimeOffset Time => UnixMilliseconds.ToTime(Timestamp);
}
