using System.Globalization;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.History;

/// <summary>
/// The CSV the history exports write: a header row, then one row per record, comma-separated, invariant culture. Prices
/// and sizes are the decimals as decoded (every digit Upbit sent, trailing zeros kept, never an exponent); times are
/// Upbit's own UTC/KST texts plus Unix milliseconds. No field can hold a comma or a quote, so none is quoted.
/// </summary>
internal static class CsvRows
{
    /// <summary>Columns of <c>candles</c>: pair, period, candle start (UTC, KST, as Upbit writes them), open, high, low,
    /// close, traded volume, traded value (quote currency), Unix ms of the candle's last trade.</summary>
    public const string CandleHeader = "code,interval,start_utc,start_kst,open,high,low,close,volume,value,timestamp";

    /// <summary>Columns of <c>trades</c>: pair, Upbit's sequential id, Unix ms of the trade, its UTC date and time, price,
    /// volume, side (ASK: a sell that hit a bid, BID: a buy), previous close, change against it.</summary>
    public const string TradeHeader = "code,sequential_id,trade_timestamp,trade_date_utc,trade_time_utc,price,volume,ask_bid,prev_closing_price,change_price";

    public static string Candle(Candle c, string interval) => string.Join(
        ',',
        c.Code,
        interval,
        c.CandleDateTimeUtc,
        c.CandleDateTimeKst,
        Number(c.OpeningPrice),
        Number(c.HighPrice),
        Number(c.LowPrice),
        Number(c.TradePrice),
        Number(c.CandleAccTradeVolume),
        Number(c.CandleAccTradePrice),
        c.Timestamp.ToString(CultureInfo.InvariantCulture));

    public static string Trade(Trade t) => string.Join(
        ',',
        t.Code,
        t.SequentialId.ToString(CultureInfo.InvariantCulture),
        t.TradeTimestamp.ToString(CultureInfo.InvariantCulture),
        t.TradeDate,
        t.TradeTime,
        Number(t.TradePrice),
        Number(t.TradeVolume),
        t.AskBid switch { AskBid.Ask => "ASK", AskBid.Bid => "BID", _ => string.Empty },
        Number(t.PrevClosingPrice),
        Number(t.ChangePrice));

    // NB: decimal's invariant text keeps the scale it was parsed with ("0.10" stays "0.10") and never uses an exponent.
    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
