using System.Globalization;

namespace Upbit.Rx;

/// <summary>
/// Trades of one code that were missed across a reconnect and that the REST backfill could not deliver: every trade
/// after <see cref="AfterSequentialId"/> and before <see cref="BeforeSequentialId"/> (by trade order, both exclusive),
/// traded between <see cref="From"/> and <see cref="To"/>, may be missing, though some of them may have been delivered
/// (live trades held during the backfill that are older than what it fetched). Carried by an <see cref="UpbitError"/> of
/// kind <see cref="UpbitErrorKind.TradeGap"/>; its <see cref="Exception.InnerException"/> is the REST failure, if one caused it.
/// </summary>
public sealed class UpbitTradeGapException : UpbitException
{
    /// <summary>Creates the report of one gap.</summary>
    /// <param name="code">The pair code.</param>
    /// <param name="after">The last trade the subscribers saw before the gap.</param>
    /// <param name="before">The trade from which they see every trade again.</param>
    /// <param name="reason">Why the gap could not be filled.</param>
    /// <param name="innerException">The REST failure behind it, if any.</param>
    public UpbitTradeGapException(string code, Streams.Trade after, Streams.Trade before, string reason, Exception? innerException = null)
            : base(UpbitClientCondition.TradeGap, Describe(code, after, before, reason), innerException)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        Code = code;
        AfterSequentialId = after.SequentialId;
        BeforeSequentialId = before.SequentialId;
        From = after.TradedAt;
        To = before.TradedAt;
        Reason = reason;
    }

    /// <summary>The pair code.</summary>
    public string Code { get; }

    /// <summary>The <c>sequential_id</c> of the last trade delivered before the gap.</summary>
    public long AfterSequentialId { get; }

    /// <summary>The <c>sequential_id</c> of the trade after the gap, from which every trade is delivered again.</summary>
    public long BeforeSequentialId { get; }

    /// <summary>When the last trade before the gap traded: missing trades traded at or after it.</summary>
    public DateTimeOffset From { get; }

    /// <summary>When the first trade after the gap traded: missing trades traded at or before it.</summary>
    public DateTimeOffset To { get; }

    /// <summary>Why the gap could not be filled (history exhausted, the limit, a REST failure or the timeout).</summary>
    public string Reason { get; }

    private static string Describe(string code, Streams.Trade after, Streams.Trade before, string reason) => string.Create(
        CultureInfo.InvariantCulture,
        $"trades of {code} missed between sequential_id {after?.SequentialId} and {before?.SequentialId} (exclusive), traded {after?.TradedAt:O} to {before?.TradedAt:O}: {reason}");
}
