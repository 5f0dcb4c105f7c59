using System.Globalization;

namespace Upbit.Rx.Streams;

/// <summary>
/// The current state of one candle (<c>type</c> = <c>candle.1s</c> … <c>candle.240m</c>). The same candle arrives many
/// times while it is open; the last frame for a <see cref="CandleDateTimeUtc"/> is its value. A candle is known to be
/// closed only when a frame for the next window arrives.
/// </summary>
/// <remarks>
/// REST (<c>GET /v1/candles/…</c>, <see cref="UpbitRestClient.GetCandlesAsync(string, CandleInterval, int, DateTimeOffset?, string?, CancellationToken)"/>)
/// yields the same record: <c>market</c> fills <see cref="Code"/>, the interval is the one requested (day, week, month and
/// year candles exist only there), and <see cref="StreamType"/> is <see cref="StreamType.Snapshot"/>. The fields after
/// <see cref="Timestamp"/> are REST only and <see langword="null"/> when the response does not carry them.
/// </remarks>
public sealed record Candle : UpbitMessage, IMarketMessage
{
    /// <inheritdoc/>
    public required string Code { get; init; }

    /// <summary>The candle period, from the <c>type</c> value (<c>candle.1m</c> → <see cref="CandleInterval.OneMinute"/>).</summary>
    public required CandleInterval Interval { get; init; }

    /// <summary>The candle start in UTC as sent, <c>yyyy-MM-ddTHH:mm:ss</c> without offset (<c>candle_date_time_utc</c>).</summary>
    public required string CandleDateTimeUtc { get; init; }

    /// <summary>The candle start in KST as sent, <c>yyyy-MM-ddTHH:mm:ss</c> without offset (<c>candle_date_time_kst</c>).</summary>
    public required string CandleDateTimeKst { get; init; }

    /// <summary>The open (<c>opening_price</c>).</summary>
    public required decimal OpeningPrice { get; init; }

    /// <summary>The high (<c>high_price</c>).</summary>
    public required decimal HighPrice { get; init; }

    /// <summary>The low (<c>low_price</c>).</summary>
    public required decimal LowPrice { get; init; }

    /// <summary>The close so far, i.e. the latest price (<c>trade_price</c>).</summary>
    public required decimal TradePrice { get; init; }

    /// <summary>The volume traded in the candle (<c>candle_acc_trade_volume</c>).</summary>
    public required decimal CandleAccTradeVolume { get; init; }

    /// <summary>The value traded in the candle (<c>candle_acc_trade_price</c>).</summary>
    public required decimal CandleAccTradePrice { get; init; }

    /// <inheritdoc/>
    public required long Timestamp { get; init; }

    /// <inheritdoc/>
    public required StreamType StreamType { get; init; }

    /// <summary>The previous day's close (<c>prev_closing_price</c>); day candles from REST only, otherwise <see langword="null"/>.</summary>
    public decimal? PrevClosingPrice { get; init; }

    /// <summary>The change against <see cref="PrevClosingPrice"/> (<c>change_price</c>); day candles from REST only.</summary>
    public decimal? ChangePrice { get; init; }

    /// <summary>The change rate against <see cref="PrevClosingPrice"/>, a fraction (<c>change_rate</c>); day candles from REST only.</summary>
    public decimal? ChangeRate { get; init; }

    /// <summary>The close converted to the requested currency (<c>converted_trade_price</c>); day candles requested with a converting price unit only.</summary>
    public decimal? ConvertedTradePrice { get; init; }

    /// <summary>The first day of the period as sent, <c>yyyy-MM-dd</c> (<c>first_day_of_period</c>); week, month and year candles from REST only.</summary>
    public string? FirstDayOfPeriod { get; init; }

    /// <summary><see cref="Timestamp"/> (the latest trade in the candle) as a UTC instant.</summary>
    public DateTimeOffset Time => UnixMilliseconds.ToTime(Timestamp);

    /// <summary><see cref="CandleDateTimeUtc"/> as a UTC instant; <see langword="null"/> when the text is not in the documented form.</summary>
    public DateTimeOffset? StartsAt =>
        DateTime.TryParseExact(CandleDateTimeUtc, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc))
            : null;
}
