namespace Upbit.Rx.Streams;

/// <summary>
/// An event on one of the account's orders (<c>type</c> = <c>myOrder</c>, private). Sent on order and fill events
/// only. Upbit sends <see langword="null"/> for many fields depending on <see cref="State"/> and
/// <see cref="OrderType"/> (a market buy in <c>wait</c> has no volume), so those are nullable.
/// </summary>
public sealed record MyOrder : UpbitMessage, IMarketMessage
{
    /// <inheritdoc/>
    public required string Code { get; init; }

    /// <summary>The order id (<c>uuid</c>).</summary>
    public required string Uuid { get; init; }

    /// <summary>Buy or sell (<c>ask_bid</c>).</summary>
    public required AskBid AskBid { get; init; }

    /// <summary>How the order is priced (<c>order_type</c>).</summary>
    public required OrderType OrderType { get; init; }

    /// <summary>The order state (<c>state</c>).</summary>
    public required OrderState State { get; init; }

    /// <summary>The fill id (<c>trade_uuid</c>); <see langword="null"/> unless <see cref="State"/> is <see cref="OrderState.Trade"/>.</summary>
    public required string? TradeUuid { get; init; }

    /// <summary>The order price, or the fill price when <see cref="State"/> is <see cref="OrderState.Trade"/> (<c>price</c>).</summary>
    public required decimal? Price { get; init; }

    /// <summary>The average fill price (<c>avg_price</c>).</summary>
    public required decimal? AvgPrice { get; init; }

    /// <summary>The order volume, or the fill volume when <see cref="State"/> is <see cref="OrderState.Trade"/> (<c>volume</c>).</summary>
    public required decimal? Volume { get; init; }

    /// <summary>The volume still open (<c>remaining_volume</c>).</summary>
    public required decimal? RemainingVolume { get; init; }

    /// <summary>The volume filled so far (<c>executed_volume</c>).</summary>
    public required decimal? ExecutedVolume { get; init; }

    /// <summary>The number of fills so far (<c>trades_count</c>).</summary>
    public required int TradesCount { get; init; }

    /// <summary>The fee reserved for the order (<c>reserved_fee</c>).</summary>
    public required decimal? ReservedFee { get; init; }

    /// <summary>The reserved fee not yet used (<c>remaining_fee</c>).</summary>
    public required decimal? RemainingFee { get; init; }

    /// <summary>The fee paid so far (<c>paid_fee</c>).</summary>
    public required decimal? PaidFee { get; init; }

    /// <summary>The amount locked by the order (<c>locked</c>).</summary>
    public required decimal? Locked { get; init; }

    /// <summary>The funds filled so far (<c>executed_funds</c>).</summary>
    public required decimal? ExecutedFunds { get; init; }

    /// <summary>The time-in-force condition (<c>time_in_force</c>); <see langword="null"/> for a plain order.</summary>
    public required TimeInForce? TimeInForce { get; init; }

    /// <summary>The fee of this fill (<c>trade_fee</c>); <see langword="null"/> unless <see cref="State"/> is <see cref="OrderState.Trade"/>.</summary>
    public required decimal? TradeFee { get; init; }

    /// <summary>Whether this fill was as maker (<c>is_maker</c>); <see langword="null"/> unless <see cref="State"/> is <see cref="OrderState.Trade"/>.</summary>
    public required bool? IsMaker { get; init; }

    /// <summary>The client order id given at placement (<c>identifier</c>); <see langword="null"/> when none was given.</summary>
    public required string? Identifier { get; init; }

    /// <summary>The self-match prevention mode (<c>smp_type</c>); <see langword="null"/> when none applies.</summary>
    public required SmpType? SmpType { get; init; }

    /// <summary>The volume cancelled by self-match prevention (<c>prevented_volume</c>).</summary>
    public required decimal? PreventedVolume { get; init; }

    /// <summary>The amount released by self-match prevention (<c>prevented_locked</c>).</summary>
    public required decimal? PreventedLocked { get; init; }

    /// <summary>The fill time in Unix milliseconds (<c>trade_timestamp</c>); <see langword="null"/> when not sent.</summary>
    public required long? TradeTimestamp { get; init; }

    /// <summary>The order placement time in Unix milliseconds (<c>order_timestamp</c>).</summary>
    public required long OrderTimestamp { get; init; }

    /// <inheritdoc/>
    public required long Timestamp { get; init; }

    /// <inheritdoc/>
    public required StreamType StreamType { get; init; }

    /// <summary><see cref="TradeTimestamp"/> as a UTC instant.</summary>
    public DateTimeOffset? TradedAt => TradeTimestamp is { } ms ? UnixMilliseconds.ToTime(ms) : null;

    /// <summary><see cref="OrderTimestamp"/> as a UTC instant.</summary>
    public DateTimeOffset OrderedAt => UnixMilliseconds.ToTime(OrderTimestamp);

    /// <summary><see cref="Timestamp"/> as a UTC instant.</summary>
    public DateTimeOffset Time => UnixMilliseconds.ToTime(Timestamp);
}
