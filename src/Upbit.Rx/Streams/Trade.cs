namespace Upbit.Rx.Streams;

/// <summary>One trade on a pair (<c>type</c> = <c>trade</c>).</summary>
/// <remarks>
/// REST (<c>GET /v1/trades/ticks</c>, <see cref="UpbitRestClient.GetTradesAsync"/>) yields the same record: <c>market</c>
/// fills <see cref="Code"/>, <c>trade_date_utc</c> / <c>trade_time_utc</c> fill <see cref="TradeDate"/> /
/// <see cref="TradeTime"/>, and its one <c>timestamp</c> (the trade time) fills both <see cref="Timestamp"/> and
/// <see cref="TradeTimestamp"/>. REST sends no <c>change</c> (<see cref="Change"/> is <see cref="Streams.Change.Unknown"/>)
/// and no best bid or ask (<see langword="null"/>); <see cref="StreamType"/> is <see cref="StreamType.Snapshot"/>.
/// </remarks>
public sealed record Trade : UpbitMessage, IMarketMessage
{
    /// <inheritdoc/>
    public required string Code { get; init; }

    /// <summary>The traded price (<c>trade_price</c>).</summary>
    public required decimal TradePrice { get; init; }

    /// <summary>The traded volume (<c>trade_volume</c>).</summary>
    public required decimal TradeVolume { get; init; }

    /// <summary>The aggressor side (<c>ask_bid</c>): <see cref="Streams.AskBid.Bid"/> means a buyer took an ask.</summary>
    public required AskBid AskBid { get; init; }

    /// <summary>The previous close (<c>prev_closing_price</c>).</summary>
    public required decimal PrevClosingPrice { get; init; }

    /// <summary>The direction against the previous close (<c>change</c>).</summary>
    public required Change Change { get; init; }

    /// <summary>The absolute change against the previous close (<c>change_price</c>).</summary>
    public required decimal ChangePrice { get; init; }

    /// <summary>The UTC trade date as sent, <c>yyyy-MM-dd</c> (<c>trade_date</c>, SIMPLE <c>td</c>; REST <c>trade_date_utc</c>).</summary>
    public required string TradeDate { get; init; }

    /// <summary>The UTC trade time as sent, <c>HH:mm:ss</c> (<c>trade_time</c>; REST <c>trade_time_utc</c>).</summary>
    public required string TradeTime { get; init; }

    /// <summary>The trade time in Unix milliseconds (<c>trade_timestamp</c>).</summary>
    public required long TradeTimestamp { get; init; }

    /// <inheritdoc/>
    public required long Timestamp { get; init; }

    /// <summary>
    /// The unique trade id (<c>sequential_id</c>). Exceeds 2^53, read exactly as a <see cref="long"/>; unique but,
    /// per Upbit, not guaranteed to be ordered.
    /// </summary>
    public required long SequentialId { get; init; }

    /// <summary>The best ask at trade time (<c>best_ask_price</c>); <see langword="null"/> in frames from before 2023.</summary>
    public required decimal? BestAskPrice { get; init; }

    /// <summary>The size at the best ask (<c>best_ask_size</c>); <see langword="null"/> when not sent.</summary>
    public required decimal? BestAskSize { get; init; }

    /// <summary>The best bid at trade time (<c>best_bid_price</c>); <see langword="null"/> when not sent.</summary>
    public required decimal? BestBidPrice { get; init; }

    /// <summary>The size at the best bid (<c>best_bid_size</c>); <see langword="null"/> when not sent.</summary>
    public required decimal? BestBidSize { get; init; }

    /// <inheritdoc/>
    public required StreamType StreamType { get; init; }

    /// <summary><see cref="TradeTimestamp"/> as a UTC instant.</summary>
    public DateTimeOffset TradedAt => UnixMilliseconds.ToTime(TradeTimestamp);

    /// <summary><see cref="Timestamp"/> as a UTC instant.</summary>
    public DateTimeOffset Time => UnixMilliseconds.ToTime(Timestamp);
}
